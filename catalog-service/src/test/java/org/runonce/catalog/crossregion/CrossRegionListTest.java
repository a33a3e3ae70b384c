package org.runonce.catalog.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;

/** The rules of a cross-region list (通办清单), without Spring. */
class CrossRegionListTest {

    private static final Map<String, Set<String>> HANDLED = Map.of(
            "nb-unemployment-registration", Set.of("330200"),
            "js-medical-insurance-transfer", Set.of("320000"),
            "xh-civil-item", Set.of("330106"));

    private static List<CrossRegionList.Entry> checked(String region, CrossRegionList.Entry... entries) {
        return CrossRegionList.checked(region, Arrays.asList(entries), code -> HANDLED.getOrDefault(code, Set.of()));
    }

    private static CrossRegionList.Entry entry(String item, String... homes) {
        return new CrossRegionList.Entry(item, homes == null ? null : List.of(homes));
    }

    @Test
    void aValidListIsSortedByItemWithItsHomeRegions() {
        assertThat(checked(
                        "330100",
                        entry("nb-unemployment-registration", "330200"),
                        entry("js-medical-insurance-transfer", "320000")))
                .containsExactly(
                        entry("js-medical-insurance-transfer", "320000"),
                        entry("nb-unemployment-registration", "330200"));
        // a township accepts for its county's departments the same way
        assertThat(checked("330106013", entry("xh-civil-item", "330106"))).hasSize(1);
        assertThat(checked("330100")).isEmpty();
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Refusal refusal = catchThrowableOfType(
                Refusal.class,
                () -> checked(
                        "330200",
                        entry("no-such-item", "330200"),
                        entry("nb-unemployment-registration", "330000", "33", "330200"),
                        entry("js-medical-insurance-transfer"),
                        entry("js-medical-insurance-transfer", "320000")));
        assertThat(refusal.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<CrossRegionList.FieldError> errors =
                (List<CrossRegionList.FieldError>) refusal.members().get("errors");
        assertThat(errors)
                .extracting(CrossRegionList.FieldError::field, CrossRegionList.FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("entries[0].itemCode", "UNKNOWN_ITEM"),
                        org.assertj.core.groups.Tuple.tuple("entries[1].homeRegions[0]", "NOT_HANDLED_THERE"),
                        org.assertj.core.groups.Tuple.tuple("entries[1].homeRegions[1]", "INVALID_REGION"),
                        org.assertj.core.groups.Tuple.tuple("entries[1].homeRegions[2]", "SAME_REGION"),
                        org.assertj.core.groups.Tuple.tuple("entries[2].homeRegions", "REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("entries[3].itemCode", "DUPLICATE"));
        Refusal badRegion = catchThrowableOfType(Refusal.class, () -> checked("3301"));
        assertThat(badRegion.members().get("errors").toString()).contains("INVALID_REGION");
    }
}
