package org.runonce.approval.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.Tokens.reviewer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.OpenCases;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Results publication (公示) on real PostgreSQL: decided cases of a LICENCE item are published when they are decided,
 * the natural person masked and no ID number, contact, reason or form data anywhere; undecided cases and items of
 * another kind are not; anyone reads it without a token, paged and searchable on what is published only.
 */
class PublicationIT extends RunningApproval {

    static final String PUBLICATIONS = "/api/approval/publications";

    String licenceItem;
    String confirmationItem;

    @BeforeEach
    void items() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        licenceItem = "samr-outdoor-advertising-" + suffix;
        confirmationItem = "samr-registration-confirmation-" + suffix;
        publish(item(licenceItem, "LICENCE", "户外广告设置许可", "Outdoor advertising permit"));
        publish(item(confirmationItem, "CONFIRMATION", "登记信息确认", "Registration confirmation"));
        clock.setDay("2026-09-22");
    }

    ItemVersionPublished item(String code, String kind, String zh, String en) {
        var i = Fixtures.item(
                code,
                "SAMR",
                "RUN_ONCE",
                3,
                Fixtures.SHORT,
                List.of(Fixtures.material("PLAN", null)),
                "OUTDOOR_AD_PERMIT",
                zh,
                en);
        return new ItemVersionPublished(
                i.itemCode(),
                i.version(),
                i.validFrom(),
                i.validTo(),
                i.publishedAt(),
                kind,
                i.departmentCode(),
                i.name(),
                i.legalBasis(),
                i.acceptanceConditions(),
                i.steps(),
                i.materials(),
                i.fees(),
                i.timeLimits(),
                i.handlingMode(),
                i.visitsRequired(),
                i.result(),
                i.deliveryOptions(),
                i.consultationChannels(),
                i.complaintChannels(),
                i.form());
    }

    void publish(ItemVersionPublished item) {
        var event = CloudEvent.<Object>of(
                UUID.randomUUID().toString(),
                "/runonce/catalog",
                ItemVersionPublished.TYPE,
                Fixtures.PUBLISHED,
                item.itemCode(),
                item);
        catalog.apply(event.withData(Fixtures.JSON.valueToTree(item)));
    }

    /** A case of {@code item} applied for by {@code applicant}; returns its number. */
    String open(String item, Applicant applicant) {
        String app = Fixtures.newApplicationNumber();
        opening.open(new OpenCases(
                app,
                null,
                applicant,
                "330000",
                clock.instant(),
                List.of(new ApplicationAccepted.Case(
                        app + "-01",
                        item,
                        1,
                        "SAMR",
                        List.of(),
                        3,
                        List.of(new MaterialReference("PLAN", UUID.randomUUID().toString(), null, null))))));
        return app + "-01";
    }

    static Applicant person(String name, String idNumber) {
        return new Applicant(
                "applicant-" + UUID.randomUUID(),
                name,
                Applicant.NATURAL_PERSON,
                idNumber,
                "zh-CN",
                "person@example.com",
                "13912345678");
    }

    void toDecisionStep(String number) throws Exception {
        var li = reviewer("SAMR", "li.samr");
        act(number, "start-review", li, null).andExpect(status().isOk());
    }

    String approve(String number) throws Exception {
        toDecisionStep(number);
        act(number, "approve", reviewer("SAMR", "li.samr"), """
                        {"reason": "符合条件", "certificate": {"content": {"applicantNote": "申请人王小明本人到场"}}}""").andExpect(status().isOk());
        return number;
    }

    JsonNode search(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    @Test
    void decidedCasesOfALicenceItemArePublishedMaskedToAnyoneAndNothingElse() throws Exception {
        String approved = approve(open(licenceItem, person("王小明", "330102199001011234")));
        clock.setDay("2026-09-23");
        String rejected = open(licenceItem, person("欧阳娜娜", "330102198807074321"));
        toDecisionStep(rejected);
        act(rejected, "reject", reviewer("SAMR", "li.samr"), """
                        {"reason": "申请人欧阳娜娜提交的设置方案不符合规划", "legalBasis": "《城市市容和环境卫生管理条例》第十一条"}""").andExpect(status().isOk());
        String pending = open(licenceItem, person("张三丰", "330102197001015678"));
        approve(open(confirmationItem, person("赵六", "330102196001019876")));

        // anyone, no token: the two decided licence cases, most recent first
        String body = mvc.perform(get(PUBLICATIONS).param("item", licenceItem))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = json.readTree(body);
        assertThat(page.path("total").asLong()).isEqualTo(2);
        var first = page.path("items").get(0);
        assertThat(first.path("caseNumber").asString()).isEqualTo(rejected);
        assertThat(first.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(first.path("applicant").asString()).isEqualTo("欧**娜");
        var second = page.path("items").get(1);
        assertThat(second.path("caseNumber").asString()).isEqualTo(approved);
        assertThat(second.path("outcome").asString()).isEqualTo("APPROVED");
        assertThat(second.path("applicant").asString()).isEqualTo("王*明");
        assertThat(second.path("itemName").path("zh").asString()).isEqualTo("户外广告设置许可");
        assertThat(second.path("certificateNumber").asString()).startsWith("OUTDOOR_AD_PERMIT-");
        assertThat(body).doesNotContain("王小明", "欧阳娜娜", "330102", "example.com", "139123", "申请人", "不符合规划", pending);

        // the other item kind is not published, wherever one looks
        assertThat(search(get(PUBLICATIONS).param("item", confirmationItem))
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(search(get(PUBLICATIONS).param("q", "赵六")).path("total").asLong())
                .isZero();
    }

    @Test
    void theSearchMatchesPublishedFieldsOnlyAndPages() throws Exception {
        String a = approve(open(licenceItem, person("王小明", "330102199001011234")));
        clock.setDay("2026-09-23");
        String b = approve(open(licenceItem, person("李小红", "330102199202023456")));

        // by the masked name, by the item's name in either language, by a case number
        assertThat(search(get(PUBLICATIONS).param("item", licenceItem).param("q", "王*明"))
                        .path("items")
                        .findValuesAsString("caseNumber"))
                .containsExactly(a);
        assertThat(search(get(PUBLICATIONS).param("item", licenceItem).param("q", "OUTDOOR advertising"))
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(search(get(PUBLICATIONS).param("q", b)).path("items").findValuesAsString("caseNumber"))
                .containsExactly(b);
        // never by what was not published: the full name, the ID number
        assertThat(search(get(PUBLICATIONS).param("q", "王小明")).path("total").asLong())
                .isZero();
        assertThat(search(get(PUBLICATIONS).param("q", "330102199202023456"))
                        .path("total")
                        .asLong())
                .isZero();
        // a wildcard in the query is a character, not a wildcard
        assertThat(search(get(PUBLICATIONS).param("item", licenceItem).param("q", "%"))
                        .path("total")
                        .asLong())
                .isZero();

        // paged, most recent first
        var page0 = search(
                get(PUBLICATIONS).param("item", licenceItem).param("size", "1").param("page", "0"));
        var page1 = search(
                get(PUBLICATIONS).param("item", licenceItem).param("size", "1").param("page", "1"));
        assertThat(page0.path("total").asLong()).isEqualTo(2);
        assertThat(page0.path("items").findValuesAsString("caseNumber")).containsExactly(b);
        assertThat(page1.path("items").findValuesAsString("caseNumber")).containsExactly(a);
        assertThat(search(get(PUBLICATIONS).param("department", "TAX").param("item", licenceItem))
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(search(get(PUBLICATIONS).param("item", licenceItem).param("outcome", "REJECTED"))
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void badQueriesAreProblems() throws Exception {
        for (String[] bad : List.of(
                new String[] {"size", "0"},
                new String[] {"size", "101"},
                new String[] {"page", "-1"},
                new String[] {"outcome", "WITHDRAWN"},
                new String[] {"department", "samr'; drop table published_decision; --"},
                new String[] {"q", "x".repeat(101)})) {
            mvc.perform(get(PUBLICATIONS).param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
        }
    }
}
