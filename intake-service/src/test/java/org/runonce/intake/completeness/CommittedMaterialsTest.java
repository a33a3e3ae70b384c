package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.completeness.MaterialState.Outcome;

/** Materials a signed commitment (告知承诺) replaces are COMMITTED: neither handed in nor missing. */
class CommittedMaterialsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-09-30");
    static final Instant NOW = Instant.parse("2026-09-30T02:00:00Z");

    @Test
    void committedMaterialsAreNotDeficienciesTheOthersStillAre() {
        Requirements requirements = Given.item("samr-food-business-licence")
                .committed(new Commitment(
                        "本人承诺",
                        NOW,
                        "杭州美食有限公司",
                        null,
                        List.of(new Commitment.Item(
                                "samr-food-business-licence", 1, List.of("PREMISES_LAYOUT", "FOOD_SAFETY_RULES")))));
        var given = Given.documents(NOW, "FOOD_BUSINESS_APPLICATION", "BUSINESS_LICENCE");

        List<MaterialState> states = Completeness.check(requirements.materials(), given, Given.person(), TODAY);

        assertThat(states)
                .filteredOn(s -> s.outcome() == Outcome.COMMITTED)
                .extracting(MaterialState::code)
                .containsExactly("PREMISES_LAYOUT", "FOOD_SAFETY_RULES");
        assertThat(Completeness.deficiencies(states))
                .extracting(MaterialState::code)
                .containsExactly("FOOD_SAFETY_MANAGER");
        assertThat(requirements.committedMaterials("samr-food-business-licence"))
                .containsExactly("PREMISES_LAYOUT", "FOOD_SAFETY_RULES");
    }

    @Test
    void withoutACommitmentNothingIsCommitted() {
        Requirements requirements = Given.item("samr-food-business-licence");

        List<MaterialState> states = Completeness.check(requirements.materials(), Map.of(), Given.person(), TODAY);

        assertThat(states).noneMatch(s -> s.outcome() == Outcome.COMMITTED);
        assertThat(requirements.committedMaterials("samr-food-business-licence"))
                .isEmpty();
    }
}
