package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/** The certificate is prefilled from the form as filed and only edited by the reviewer, never keyed in again. */
class CertificateDraftTest {

    static final Name LICENCE = new Name("营业执照", "Business licence");

    static Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("companyName", "杭州一次办科技有限公司");
        form.put("registeredCapitalYuan", 1_000_000);
        form.put("legalRepresentativeName", "王小明");
        return form;
    }

    @Test
    void aBusinessLicenceIsIssuedToTheCompanyTheFormNamesWithTheFormFieldsAsContent() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());

        assertThat(draft.holderName()).isEqualTo("杭州一次办科技有限公司");
        assertThat(draft.holderIdNumber())
                .isEqualTo(CaseTest.subject().applicant().idNumber());
        assertThat(draft.content())
                .containsEntry("holderName", "杭州一次办科技有限公司")
                .containsEntry("itemName", "食品经营许可")
                .containsEntry("applicationNumber", "A-2026-000001")
                .containsEntry("caseNumber", "A-2026-000001-01")
                .containsEntry("departmentCode", "SAMR")
                .containsEntry("registeredCapitalYuan", 1_000_000)
                .containsEntry("legalRepresentativeName", "王小明");
        assertThat(draft.formFields())
                .containsExactly("companyName", "registeredCapitalYuan", "legalRepresentativeName");
    }

    @Test
    void otherTypesAreIssuedToTheApplicantAndAnEmptyFormLeavesTheDefaults() {
        var draft = CertificateDraft.prefill("FOOD_BUSINESS_LICENCE", null, CaseTest.subject(), form());
        assertThat(draft.holderName()).isEqualTo("张三");

        var bare = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), Map.of());
        assertThat(bare.holderName()).isEqualTo("张三");
        assertThat(bare.content())
                .containsOnlyKeys("holderName", "itemName", "applicationNumber", "caseNumber", "departmentCode");
        assertThat(bare.formFields()).isEmpty();
    }

    @Test
    void theReviewerChangesAddsAndRemovesContentFieldsAndTheValidityButTheHolderStaysTheCases() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());
        Map<String, Object> content = new HashMap<>();
        content.put("registeredCapitalYuan", 2_000_000);
        content.put("legalRepresentativeName", null);
        content.put("businessScope", "软件开发");
        content.put("companyName", "杭州一次办科技有限公司"); // restated as filed: no change

        var edited = draft.edited(
                new CertificateDetails("杭州一次办科技有限公司", draft.holderIdNumber(), content, LocalDate.parse("2046-09-22")));

        assertThat(edited.holderName()).isEqualTo("杭州一次办科技有限公司");
        assertThat(edited.holderIdNumber())
                .isEqualTo(CaseTest.subject().applicant().idNumber());
        assertThat(edited.validUntil()).isEqualTo(LocalDate.parse("2046-09-22"));
        assertThat(edited.content())
                .containsEntry("holderName", "杭州一次办科技有限公司")
                .containsEntry("companyName", "杭州一次办科技有限公司")
                .containsEntry("caseNumber", "A-2026-000001-01")
                .containsEntry("registeredCapitalYuan", 2_000_000)
                .containsEntry("businessScope", "软件开发")
                .doesNotContainKey("legalRepresentativeName");
    }

    @Test
    void theDeciderCannotNameAnotherHolder() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());

        assertThatThrownBy(() -> draft.edited(new CertificateDetails("杭州别人的公司", null, null, null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("certificate-holder-from-case"));
        assertThatThrownBy(() -> draft.edited(new CertificateDetails(null, "110101199003077777", null, null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.getMessage()).contains("holderIdNumber"));
    }

    @Test
    void reservedFieldsCannotBeOverwrittenInTheContent() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());
        for (String field : new String[] {
            "holderName",
            "HolderName",
            "caseNumber",
            "applicationNumber",
            "departmentCode",
            "itemName",
            "certificateNumber",
            "issuer",
            "issuedAt",
            "validUntil",
            "idNumber",
            "holder",
            "companyName"
        }) {
            Map<String, Object> content = new HashMap<>();
            content.put(field, "伪造");
            content.put("businessScope", "软件开发");
            assertThatThrownBy(() -> draft.edited(new CertificateDetails(null, null, content, null)))
                    .as(field)
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.slug()).isEqualTo("certificate-field-reserved");
                        assertThat(r.getMessage()).contains(field);
                    });
        }
        Map<String, Object> removal = new HashMap<>();
        removal.put("caseNumber", null);
        assertThatThrownBy(() -> draft.edited(new CertificateDetails(null, null, removal, null)))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void contentFieldsAreNamedAndBounded() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());

        assertThatThrownBy(() -> draft.edited(new CertificateDetails(null, null, Map.of("a b", "x"), null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("certificate-content-invalid"));
        assertThatThrownBy(() -> draft.edited(
                        new CertificateDetails(null, null, Map.of("businessScope", "x".repeat(2001)), null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("certificate-content-invalid"));
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= CertificateDraft.MAX_EDITS; i++) {
            many.put("field" + i, i);
        }
        assertThatThrownBy(() -> draft.edited(new CertificateDetails(null, null, many, null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("certificate-content-too-large"));
    }

    @Test
    void noEditsIssueThePrefillAsItIs() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());
        assertThat(draft.edited(CertificateDetails.NONE)).isEqualTo(draft);
        assertThat(draft.edited(null)).isEqualTo(draft);
    }
}
