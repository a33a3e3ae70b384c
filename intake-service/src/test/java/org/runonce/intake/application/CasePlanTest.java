package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;

class CasePlanTest {

    static final Instant NOW = Fixtures.at("2026-11-20T10:00");

    @Test
    void theNewbornBundleSplitsIntoNumberedCasesThatWaitForTheBirthCertificate() {
        Requirements requirements = Fixtures.bundle("newborn");
        CasePlan plan = CasePlan.of("330000-2026-000007", requirements);

        List<CaseTrack> cases = plan.open(Map.of(), List.of(), NOW);

        assertThat(cases)
                .extracting(CaseTrack::caseNumber)
                .containsExactly(
                        "330000-2026-000007-01",
                        "330000-2026-000007-02",
                        "330000-2026-000007-03",
                        "330000-2026-000007-04");
        assertThat(cases.getFirst().dependsOn()).isEmpty();
        assertThat(cases.getFirst().status()).isEqualTo("PENDING");
        assertThat(cases.subList(1, 4)).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("WAITING");
            assertThat(c.dependsOn()).isNotEmpty();
        });
        assertThat(plan.caseOf(requirements.items().getFirst().itemCode())).isEqualTo("330000-2026-000007-01");
    }

    @Test
    void aCaseIsOpenedWithWhatWasHandedInAndWithTheCaseProducingTheRest() {
        Requirements requirements = Fixtures.bundle("company-startup");
        ApplicantData applicant = Fixtures.person();
        Map<String, Provision> given = Fixtures.documents(NOW, Fixtures.COMPANY_STARTUP_MATERIALS);
        List<MaterialState> states = Completeness.check(
                requirements.materials(),
                given,
                applicant,
                NOW.atZone(Fixtures.ZONE).toLocalDate());

        List<CaseTrack> cases = CasePlan.of("330000-2026-000001", requirements).open(given, states, NOW);

        CaseTrack licence = cases.getFirst();
        assertThat(licence.materials()).extracting(CaseMaterial::code).contains("ID_CARD");
        assertThat(licence.materials())
                .filteredOn(m -> m.code().equals("ID_CARD"))
                .singleElement()
                .satisfies(m -> assertThat(m.documentId())
                        .isEqualTo(given.get("ID_CARD").documentId().toString()));
        assertThat(cases.get(1).materials())
                .contains(CaseMaterial.producedBy("BUSINESS_LICENCE", "330000-2026-000001-01"));
    }

    @Test
    void materialsHandedInLaterReachOnlyTheCasesNeedingThem() {
        Requirements requirements = Fixtures.bundle("company-startup");
        List<CaseTrack> cases =
                new ArrayList<>(CasePlan.of("330000-2026-000001", requirements).open(Map.of(), List.of(), NOW));
        Map<String, Provision> given = Fixtures.documents(NOW, "PREMISES_PROOF");
        List<MaterialState> states = Completeness.check(
                requirements.materials(),
                given,
                Fixtures.person(),
                NOW.atZone(Fixtures.ZONE).toLocalDate());
        Requirement premises = requirements.material("PREMISES_PROOF").orElseThrow();

        var perCase = CasePlan.of(requirements, cases).supply(cases, List.of(premises), given, states);

        assertThat(perCase)
                .extracting(ApplicationEvent.MaterialsSupplied.CaseMaterials::caseNumber)
                .containsExactly("330000-2026-000001-01");
        assertThat(cases.getFirst().materials()).extracting(CaseMaterial::code).containsExactly("PREMISES_PROOF");
        assertThat(cases.get(1).materials()).extracting(CaseMaterial::code).doesNotContain("PREMISES_PROOF");
    }
}
