package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.intake.completeness.MaterialState.Outcome;

class CompletenessTest {

    static final LocalDate TODAY = LocalDate.parse("2026-09-30");
    static final Instant NOW = Instant.parse("2026-09-30T02:00:00Z");

    @Test
    void everyMissingRequiredMaterialIsFoundAtOnceAndTheLicenceIsProducedInsideTheBundle() {
        Requirements requirements = Given.bundle("company-startup");

        List<MaterialState> states = Completeness.check(requirements.materials(), Map.of(), Given.person(), TODAY);

        assertThat(Completeness.deficiencies(states))
                .extracting(MaterialState::code)
                .containsExactlyInAnyOrder(Given.COMPANY_STARTUP_MATERIALS);
        assertThat(states)
                .filteredOn(s -> s.code().equals("BUSINESS_LICENCE"))
                .singleElement()
                .extracting(MaterialState::outcome)
                .isEqualTo(Outcome.PRODUCED_IN_BUNDLE);
        assertThat(states)
                .filteredOn(s -> s.code().equals("BANK_ACCOUNT_INFO"))
                .singleElement()
                .extracting(MaterialState::outcome)
                .isEqualTo(Outcome.NOT_USED);
        // the same ID_CARD serves every item needing it, and names them all
        assertThat(states)
                .filteredOn(s -> s.code().equals("ID_CARD"))
                .singleElement()
                .satisfies(s -> assertThat(s.neededBy())
                        .containsExactly(
                                "samr-company-registration",
                                "psb-seal-engraving",
                                "tax-new-taxpayer-setup",
                                "hrss-employer-social-insurance-registration",
                                "hsa-employer-medical-insurance-registration"));
        assertThat(Completeness.pledgeable(Completeness.deficiencies(states))).isFalse();
    }

    @Test
    void onlyNonKeyMaterialsMissingAllowsAPledge() {
        Requirements requirements = Given.item("samr-company-registration");
        var given = Given.documents(NOW, "COMPANY_REGISTRATION_APPLICATION", "ARTICLES_OF_ASSOCIATION", "ID_CARD");

        List<MaterialState> deficiencies =
                Completeness.deficiencies(Completeness.check(requirements.materials(), given, Given.person(), TODAY));

        assertThat(deficiencies)
                .extracting(MaterialState::code)
                .containsExactly("PREMISES_PROOF", "OFFICER_APPOINTMENTS");
        assertThat(Completeness.pledgeable(deficiencies)).isTrue();
    }

    @Test
    void unreadableDocumentsAndWrongCertificatesAreDeficientWithTheirReason() {
        Requirements requirements = Given.item("samr-food-business-licence");
        ApplicantData company = Given.company();
        Requirement licence = requirements.material("BUSINESS_LICENCE").orElseThrow();

        var unreadable = Provision.document("BUSINESS_LICENCE", UUID.randomUUID(), false, NOW);
        assertThat(Completeness.check(licence, unreadable, company, TODAY).reason())
                .isEqualTo(Completeness.DOCUMENT_UNREADABLE);

        var someoneElses = certificate("BUSINESS_LICENCE", "samr-company-registration", "91330106OTHER00001", null);
        assertThat(Completeness.check(licence, someoneElses, company, TODAY).reason())
                .isEqualTo(Completeness.CERTIFICATE_HOLDER_MISMATCH);

        var wrongKind = certificate("TAX_SETUP_NOTICE", "tax-new-taxpayer-setup", company.idNumber(), null);
        assertThat(Completeness.check(licence, wrongKind, company, TODAY).reason())
                .isEqualTo(Completeness.CERTIFICATE_TYPE_MISMATCH);

        var expired = certificate(
                "BUSINESS_LICENCE", "samr-company-registration", company.idNumber(), LocalDate.parse("2026-09-29"));
        MaterialState state = Completeness.check(licence, expired, company, TODAY);
        assertThat(state.reason()).isEqualTo(Completeness.CERTIFICATE_EXPIRED);
        assertThat(state.key()).isTrue();

        var valid = certificate("BUSINESS_LICENCE", "samr-company-registration", company.idNumber(), TODAY);
        assertThat(Completeness.check(licence, valid, company, TODAY).outcome()).isEqualTo(Outcome.PROVIDED);
    }

    static Provision certificate(String type, String itemCode, String holderId, LocalDate validUntil) {
        return Provision.certificate(
                "BUSINESS_LICENCE",
                new Provision.CertificateFacts("C-1", type, itemCode, null, holderId, validUntil),
                NOW);
    }
}
