package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.catalog.Name;

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
    void theReviewerChangesAddsAndRemovesFieldsAndTheHolderOverThePrefill() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());
        Map<String, Object> content = new HashMap<>();
        content.put("registeredCapitalYuan", 2_000_000);
        content.put("legalRepresentativeName", null);
        content.put("businessScope", "软件开发");

        var edited = draft.edited(
                new CertificateDetails("杭州一次办网络科技有限公司", "91330100MA2TEST01X", content, LocalDate.parse("2046-09-22")));

        assertThat(edited.holderName()).isEqualTo("杭州一次办网络科技有限公司");
        assertThat(edited.holderIdNumber()).isEqualTo("91330100MA2TEST01X");
        assertThat(edited.validUntil()).isEqualTo(LocalDate.parse("2046-09-22"));
        assertThat(edited.content())
                .containsEntry("holderName", "杭州一次办网络科技有限公司")
                .containsEntry("companyName", "杭州一次办科技有限公司")
                .containsEntry("registeredCapitalYuan", 2_000_000)
                .containsEntry("businessScope", "软件开发")
                .doesNotContainKey("legalRepresentativeName");
        assertThat(edited.formFields()).containsExactly("companyName");
    }

    @Test
    void noEditsIssueThePrefillAsItIs() {
        var draft = CertificateDraft.prefill("BUSINESS_LICENCE", LICENCE, CaseTest.subject(), form());
        assertThat(draft.edited(CertificateDetails.NONE)).isEqualTo(draft);
        assertThat(draft.edited(null)).isEqualTo(draft);
    }
}
