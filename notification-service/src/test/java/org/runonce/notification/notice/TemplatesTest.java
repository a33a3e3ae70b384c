package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.approval.CaseDecided;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TemplatesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final Templates templates = new Templates();

    static JsonNode data(String json) {
        return JSON.readTree(json);
    }

    @Test
    void theAcceptanceReceiptNamesTheNumberAndPromisedDateInTheApplicantsLanguage() {
        JsonNode accepted = data("""
                {"applicationNumber": "A-2026-000123", "promisedCompletionDate": "2026-12-04", "pledgeDate": "2026-11-27",
                 "missingMaterials": [{"code": "M3", "name": {"zh": "住所证明", "en": "Proof of address"}}]}""");
        Map<String, String> extra = Map.of("applicantName", "张三", "acceptedOn", "2026-11-20", "pledgeNote", "");

        var zh = templates.render("accepted", Language.ZH_CN, accepted, extra);
        var en = templates.render("accepted", Language.EN, accepted, extra);

        assertThat(zh.title()).isEqualTo("您的申请 A-2026-000123 已受理");
        assertThat(zh.body())
                .contains("张三，您好")
                .contains("已于 2026-11-20 受理")
                .contains("受理编号 A-2026-000123")
                .contains("承诺办结日期 2026-12-04。\n");
        assertThat(zh.sms()).isEqualTo("【只跑一次】您的申请已受理，受理编号A-2026-000123，承诺2026-12-04前办结。");
        assertThat(en.title()).isEqualTo("Your application A-2026-000123 has been accepted");
        assertThat(en.body())
                .contains("Receipt number: A-2026-000123")
                .contains("Promised completion date: 2026-12-04.");
        assertThat(templates.part("accepted", "pledge", Language.ZH_CN, accepted, Map.of()))
                .isEqualTo("\n本申请为容缺受理，请于 2026-11-27 前补交：住所证明。");
        assertThat(templates.part("accepted", "pledge", Language.EN, accepted, Map.of()))
                .contains("by 2026-11-27: Proof of address.");
    }

    @Test
    void listsShowEveryItemAtOnceAndAbsentValuesADash() {
        JsonNode supplement = data("""
                {"applicationNumber": "A-1", "caseNumber": "A-1-01",
                 "materials": [{"code": "M1", "description": "营业执照副本"}, {"code": "M2", "description": "租赁合同"}]}""");

        var zh = templates.render("supplement-requested", Language.ZH_CN, supplement, Map.of());
        var en = templates.render("supplement-requested", Language.EN, supplement, Map.of());

        assertThat(zh.body()).contains("营业执照副本；租赁合同").contains("原因：-");
        assertThat(en.body()).contains("营业执照副本; 租赁合同").contains("Reason: -");
    }

    @Test
    void aPassedPreReviewListsEveryOriginalToBringToTheOneVisit() {
        JsonNode passed = data("""
                {"applicationNumber": "330106-2026-000001", "note": null, "passedBy": "clerk-xihu",
                 "originals": [{"materialCode": "ID_CARD", "name": {"zh": "身份证", "en": "ID card"}, "form": "ORIGINAL"},
                  {"materialCode": "TERMINATION_PROOF", "name": {"zh": "解除劳动合同证明", "en": "Termination proof"},
                   "form": "ORIGINAL"}]}""");

        assertThat(NoticeRules.templateOf(
                        org.runonce.contracts.intake.ApplicationPreReviewPassed.TYPE, NoticeFacts.of(passed)))
                .contains("pre-review-passed");
        var zh = templates.render("pre-review-passed", Language.ZH_CN, passed, Map.of("applicantName", "张三"));
        var en = templates.render("pre-review-passed", Language.EN, passed, Map.of("applicantName", "Zhang San"));

        assertThat(zh.title()).isEqualTo("申请 330106-2026-000001 网上预审已通过");
        assertThat(zh.body()).contains("张三，您好").contains("身份证；解除劳动合同证明").contains("备注：-");
        assertThat(zh.sms()).contains("身份证；解除劳动合同证明");
        assertThat(en.body()).contains("ID card; Termination proof");
    }

    @Test
    void aRejectionGivesReasonAndLegalBasis() {
        JsonNode decided = data("""
                {"applicationNumber": "A-1", "caseNumber": "A-1-02", "outcome": "REJECTED",
                 "reason": "经营场所不符合要求", "legalBasis": "《食品经营许可管理办法》第十一条"}""");

        assertThat(NoticeRules.templateOf(CaseDecided.TYPE, NoticeFacts.of(decided)))
                .contains("decided-rejected");
        var zh = templates.render("decided-rejected", Language.ZH_CN, decided, Map.of());
        assertThat(zh.title()).isEqualTo("办件 A-1-02 不予许可");
        assertThat(zh.body()).contains("理由：经营场所不符合要求").contains("依据：《食品经营许可管理办法》第十一条");
    }

    @Test
    void everyRuleHasItsTemplateInBothLanguagesWithNoPlaceholderLeft() {
        for (String type : NoticeRules.types()) {
            for (String variant : new String[] {
                "{\"outcome\": \"APPROVED\", \"method\": \"ELECTRONIC\", \"complainantSubject\": \"s-1\"}",
                "{\"outcome\": \"REJECTED\", \"method\": \"MAIL\", \"complainantSubject\": \"s-1\"}",
                "{\"method\": \"WINDOW_PICKUP\", \"complainantSubject\": \"s-1\"}"
            }) {
                String template = NoticeRules.templateOf(type, NoticeFacts.of(data(variant)))
                        .orElseThrow();
                assertThat(templates.exists(template)).as(template).isTrue();
                for (Language language : Language.values()) {
                    var rendered = templates.render(template, language, data("{}"), Map.of());
                    assertThat(rendered.title() + rendered.body() + rendered.sms())
                            .as("%s %s", template, language)
                            .doesNotContain("{")
                            .doesNotContain("}");
                }
            }
        }
    }

    @Test
    void theLanguageFollowsTheApplicantsLocaleChineseByDefault() {
        assertThat(Language.of("en")).isEqualTo(Language.EN);
        assertThat(Language.of("en-GB")).isEqualTo(Language.EN);
        assertThat(Language.of("zh-CN")).isEqualTo(Language.ZH_CN);
        assertThat(Language.of(null)).isEqualTo(Language.ZH_CN);
        assertThat(Language.of("fr")).isEqualTo(Language.ZH_CN);
    }

    @Test
    void anUnknownTemplateIsAnError() {
        assertThatThrownBy(() -> templates.render("nope", Language.EN, data("{}"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NoticeRules.templateOf("org.runonce.approval.case.started.v1", NoticeFacts.of(data("{}"))))
                .isEmpty();
    }
}
