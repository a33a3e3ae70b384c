package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.TestIds;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Submitting, supplementing, accepting (also with deficiencies), refusing and withdrawing, over HTTP on real
 * PostgreSQL and Kafka.
 */
class ApplicationsIT extends IntakeIT {

    static final String APPLICATIONS = "/api/intake/applications";

    @Autowired
    PledgeWatch pledges;

    @Test
    void everythingMissingIsListedInOneNoticeThenASupplementIsAccepted() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("张三");
        RequestPostProcessor me = applicant(subject, self);
        JsonNode pending = submit(
                me,
                Map.of(
                        "bundleCode",
                        "company-startup",
                        "applicant",
                        self,
                        "form",
                        companyStartupForm(),
                        "materials",
                        documents(me, "ID_CARD")),
                201);

        String number = pending.get("number").asString();
        assertThat(number).matches("330000-2026-\\d{6}");
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        JsonNode notice = pending.get("notices").get(0);
        List<String> listed = new ArrayList<>();
        notice.get("items").forEach(i -> listed.add(i.get("materialCode").asString()));
        assertThat(listed)
                .containsExactlyInAnyOrder(
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "PREMISES_PROOF",
                        "OFFICER_APPOINTMENTS",
                        "SEAL_ENGRAVING_APPLICATION",
                        "FINANCE_OFFICER_ID",
                        "EMPLOYEE_LIST");
        assertThat(notice.get("second").asBoolean()).isFalse();

        // the notice is a document the applicant downloads: well-formed XHTML with its number and every row
        String html = mvc.perform(get(notice.get("documentPath").asString()).with(me))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document document = xhtml(html);
        assertThat(document.getDocumentElement().getTextContent())
                .contains(notice.get("number").asString());
        NodeList rows = document.getElementsByTagName("tbody").item(0).getChildNodes();
        assertThat(countElements(rows)).isEqualTo(7);
        assertThat(html).contains("https://zwfw.example.gov.cn/templates/company-registration.docx");

        // the one-time notice went out as an event
        List<String> events = awaitEvents(number, ApplicationSupplementRequested.TYPE);
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"noticeNumber\":\"" + number + "-N1\""));

        JsonNode accepted = postJson(
                me,
                APPLICATIONS + "/" + number + "/supplements",
                Map.of(
                        "materials",
                        documents(
                                me,
                                "COMPANY_REGISTRATION_APPLICATION",
                                "ARTICLES_OF_ASSOCIATION",
                                "PREMISES_PROOF",
                                "OFFICER_APPOINTMENTS",
                                "SEAL_ENGRAVING_APPLICATION",
                                "FINANCE_OFFICER_ID",
                                "EMPLOYEE_LIST")),
                200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("notices")).hasSize(1);
        assertThat(accepted.get("cases")).hasSize(5);
        assertThat(accepted.get("visits").asInt()).isZero();

        String receipt = mvc.perform(
                        get(accepted.get("acceptance").get("receiptPath").asString())
                                .with(me))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document receiptDocument = xhtml(receipt);
        assertThat(receiptDocument.getDocumentElement().getTextContent())
                .contains(
                        number,
                        accepted.get("acceptance").get("promisedCompletionDate").asString(),
                        "市场监督管理局");
        assertThat(awaitEvents(number, ApplicationAccepted.TYPE)).isNotEmpty();
    }

    @Test
    void anUnreadableSupplementBringsAFlaggedSecondNotice() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("李四");
        RequestPostProcessor me = applicant(subject, self);
        JsonNode pending = submit(
                me,
                Map.of(
                        "itemCode",
                        "samr-company-registration",
                        "applicant",
                        self,
                        "form",
                        Map.of(
                                "companyName", "杭州二次科技有限公司",
                                "registeredCapitalYuan", 500000,
                                "businessScope", "咨询",
                                "registeredAddress", "杭州市上城区1号",
                                "legalRepresentativeName", "李四"),
                        "materials",
                        documents(me, "COMPANY_REGISTRATION_APPLICATION", "ID_CARD")),
                201);
        String number = pending.get("number").asString();

        List<Map<String, Object>> supplement = new ArrayList<>(documents(me, "PREMISES_PROOF", "OFFICER_APPOINTMENTS"));
        supplement.add(
                Map.of("code", "ARTICLES_OF_ASSOCIATION", "documentId", upload(me, TRUNCATED_PDF, "application/pdf")));
        JsonNode second =
                postJson(me, APPLICATIONS + "/" + number + "/supplements", Map.of("materials", supplement), 200);

        assertThat(second.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        assertThat(second.get("notices")).hasSize(2);
        JsonNode notice = second.get("notices").get(1);
        assertThat(notice.get("second").asBoolean()).isTrue();
        assertThat(notice.get("items")).hasSize(1);
        assertThat(notice.get("items").get(0).get("reason").asString()).isEqualTo("DOCUMENT_UNREADABLE");
        assertThat(notice.get("items").get(0).get("cause").asString()).isEqualTo("SUPPLIED_AFTER_NOTICE");

        JsonNode accepted = postJson(
                me,
                APPLICATIONS + "/" + number + "/supplements",
                Map.of("materials", documents(me, "ARTICLES_OF_ASSOCIATION")),
                200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode statistics = getJson(supervisor(), "/api/intake/statistics?from=2026-11-20&to=2026-11-20", 200);
        assertThat(statistics.get("secondNotices").asLong()).isPositive();
    }

    @Test
    void acceptedWithDeficienciesThenThePledgeDatePassesAndTheClerksSeeIt() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("王五");
        RequestPostProcessor me = applicant(subject, self);
        JsonNode accepted = submit(
                me,
                Map.of(
                        "itemCode",
                        "samr-company-registration",
                        "applicant",
                        self,
                        "form",
                        Map.of(
                                "companyName", "杭州容缺科技有限公司",
                                "registeredCapitalYuan", 100000,
                                "businessScope", "软件",
                                "registeredAddress", "杭州市滨江区1号",
                                "legalRepresentativeName", "王五"),
                        "materials",
                        documents(me, "COMPANY_REGISTRATION_APPLICATION", "ARTICLES_OF_ASSOCIATION", "ID_CARD"),
                        "pledgeDate",
                        "2026-11-27"),
                201);
        String number = accepted.get("number").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode acceptance = accepted.get("acceptance");
        assertThat(acceptance.get("withDeficiencies").asBoolean()).isTrue();
        assertThat(acceptance.get("pledgeDate").asString()).isEqualTo("2026-11-27");
        assertThat(json.treeToValue(acceptance.get("missingMaterials"), List.class))
                .containsExactly("PREMISES_PROOF", "OFFICER_APPOINTMENTS");

        clock().set("2026-11-27T17:00");
        pledges.markOverduePledges();
        assertThat(getJson(me, APPLICATIONS + "/" + number, 200).get("status").asString())
                .isEqualTo("ACCEPTED");

        clock().set("2026-11-30T09:00");
        assertThat(pledges.markOverduePledges()).isPositive();
        JsonNode overdue = getJson(me, APPLICATIONS + "/" + number, 200);
        assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE_PLEDGE");
        assertThat(overdue.get("acceptance").get("pledgeOverdue").asBoolean()).isTrue();
        JsonNode queue = getJson(clerk("clerk-1"), APPLICATIONS + "?status=OVERDUE_PLEDGE", 200);
        assertThat(queue.findValuesAsString("number")).contains(number);
        assertThat(awaitEvents(number, "org.runonce.intake.application.pledge-overdue.v1"))
                .isNotEmpty();

        JsonNode supplied = postJson(
                me,
                APPLICATIONS + "/" + number + "/supplements",
                Map.of("materials", documents(me, "PREMISES_PROOF", "OFFICER_APPOINTMENTS")),
                200);
        assertThat(supplied.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(supplied.get("acceptance").get("missingMaterials")).isEmpty();
        assertThat(awaitEvents(number, "org.runonce.intake.application.materials-supplied.v1"))
                .isNotEmpty();
    }

    @Test
    void thePromisedDateCrossesNationalDayWithItsMakeUpSaturday() throws Exception {
        clock().set("2026-09-30T10:00");
        String subject = newSubject();
        Map<String, Object> self = company("杭州美食有限公司");
        RequestPostProcessor me = applicant(subject, self);
        JsonNode accepted = submit(
                me,
                Map.of(
                        "itemCode",
                        "samr-food-business-licence",
                        "applicant",
                        self,
                        "form",
                        Map.of("businessPremises", "杭州市西湖区美食街8号", "foodCategories", "热食类食品制售"),
                        "materials",
                        documents(
                                me,
                                "FOOD_BUSINESS_APPLICATION",
                                "BUSINESS_LICENCE",
                                "PREMISES_LAYOUT",
                                "FOOD_SAFETY_RULES",
                                "FOOD_SAFETY_MANAGER")),
                201);

        // 5 working days after Wednesday 30 September: 1-7 October off, 8, 9, Saturday 10 (make-up), 12, 13
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptance").get("promisedWorkingDays").asInt())
                .isEqualTo(5);
        assertThat(accepted.get("acceptance").get("promisedCompletionDate").asString())
                .isEqualTo("2026-10-13");
    }

    @Test
    void everyDemoBundleSplitsIntoCasesWithTheRightDepartmentsAndDependencies() throws Exception {
        RequestPostProcessor clerk = clerk("clerk-split");
        JsonNode company = submit(
                clerk,
                Map.of(
                        "bundleCode", "company-startup",
                        "applicant", person("赵六"),
                        "identityCheck", idCardRead(),
                        "form", companyStartupForm(),
                        "materials",
                                documents(
                                        clerk,
                                        "COMPANY_REGISTRATION_APPLICATION",
                                        "ARTICLES_OF_ASSOCIATION",
                                        "ID_CARD",
                                        "PREMISES_PROOF",
                                        "OFFICER_APPOINTMENTS",
                                        "SEAL_ENGRAVING_APPLICATION",
                                        "FINANCE_OFFICER_ID",
                                        "EMPLOYEE_LIST")),
                201);
        assertThat(company.get("channel").asString()).isEqualTo("WINDOW");
        assertThat(company.get("visits").asInt()).isEqualTo(1);
        assertCases(
                company,
                List.of("SAMR", "PSB", "TAX", "HRSS", "HSA"),
                List.of(List.of(), List.of(1), List.of(1), List.of(1), List.of(1)));
        assertThat(company.get("acceptance").get("promisedWorkingDays").asInt()).isEqualTo(2);

        JsonNode newborn = submit(
                clerk,
                Map.of(
                        "bundleCode", "newborn",
                        "applicant", person("孙七"),
                        "identityCheck", idCardRead(),
                        "form",
                                Map.of(
                                        "childName", "孙小宝",
                                        "childBirthDate", "2026-11-10",
                                        "childSex", "FEMALE",
                                        "birthPlace", "杭州市妇产科医院",
                                        "householdAddress", "杭州市拱墅区1号"),
                        "materials",
                                documents(
                                        clerk,
                                        "PARENTS_ID_CARDS",
                                        "BIRTH_CERTIFICATE_REGISTRATION_FORM",
                                        "HOUSEHOLD_REGISTER",
                                        "MARRIAGE_CERTIFICATE",
                                        "ID_PHOTO")),
                201);
        assertCases(
                newborn,
                List.of("HEALTH", "PSB", "HSA", "HRSS"),
                List.of(List.of(), List.of(1), List.of(1), List.of(1)));

        JsonNode home = submit(
                clerk,
                Map.of(
                        "bundleCode", "second-hand-home-transfer",
                        "applicant", person("周八"),
                        "identityCheck", idCardRead(),
                        "form",
                                Map.of(
                                        "propertyAddress", "杭州市西湖区某小区1幢101室",
                                        "realEstateCertificateNumber", "浙(2020)杭州市不动产权第0000001号",
                                        "priceYuan", 3000000,
                                        "buyerName", "吴九",
                                        "buyerIdNumber", TestIds.residentId()),
                        "materials",
                                documents(
                                        clerk,
                                        "PARTIES_ID_CARDS",
                                        "SALES_CONTRACT",
                                        "REAL_ESTATE_CERTIFICATE",
                                        "REAL_ESTATE_REGISTRATION_APPLICATION")),
                201);
        assertCases(home, List.of("REALESTATE", "TAX", "REALESTATE"), List.of(List.of(), List.of(1), List.of(1, 2)));
        assertThat(home.get("acceptance").get("promisedWorkingDays").asInt()).isEqualTo(7);
        // the contract filing proof and the tax certificate travel between the cases, not in the applicant's hands
        JsonNode transfer = home.get("cases").get(2);
        assertThat(transfer.get("itemCode").asString()).isEqualTo("realestate-transfer-registration");
    }

    @Test
    void invalidSubmissionsListEveryInvalidFieldAndStoreNothing() throws Exception {
        Map<String, Object> applicant = person("钱十");
        RequestPostProcessor me = applicant(newSubject(), applicant);
        applicant.put("idNumber", "330106199001011230");
        JsonNode problem = submit(
                me,
                Map.of(
                        "bundleCode",
                        "company-startup",
                        "applicant",
                        applicant,
                        "form",
                        Map.of("companyName", "X", "registeredCapitalYuan", "many"),
                        "materials",
                        List.of(
                                Map.of(
                                        "code",
                                        "NOT_A_MATERIAL",
                                        "documentId",
                                        java.util.UUID.randomUUID().toString()),
                                Map.of(
                                        "code",
                                        "ID_CARD",
                                        "documentId",
                                        java.util.UUID.randomUUID().toString()))),
                400);
        assertThat(problem.get("type").asString()).isEqualTo("https://runonce.org/problems/validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains(
                        "applicant.idNumber",
                        "form.companyName",
                        "form.registeredCapitalYuan",
                        "form.businessScope",
                        "form.employeeCount",
                        "materials[0].code",
                        "materials[1].documentId");

        JsonNode unknown = submit(me, Map.of("itemCode", "no-such-item", "applicant", applicant), 422);
        assertThat(unknown.get("type").asString()).isEqualTo("https://runonce.org/problems/item-not-available");
    }

    @Test
    void aNameWithEmojiOrDirectionOverridesIsRefusedAndARareIdeographRoundTripsExactly() throws Exception {
        String subject = newSubject();
        // 𠮷 (U+20BB7, Extension B), 𬱖 (U+2CC56, Extension E): the account's verified name
        String rare = "\uD842\uDFB7野家李\uD873\uDC56";
        Map<String, Object> self = person(rare);
        RequestPostProcessor me = applicant(subject, self);
        Map<String, Object> typedWrong = new java.util.LinkedHashMap<>(self);
        typedWrong.put("name", "张三😀\u202E");
        Map<String, Object> form = new java.util.LinkedHashMap<>(companyStartupForm());
        form.put("legalRepresentativeName", "张三\u200B");
        JsonNode problem = submit(
                me,
                Map.of(
                        "bundleCode",
                        "company-startup",
                        "applicant",
                        typedWrong,
                        "form",
                        form,
                        "materials",
                        documents(me, "ID_CARD")),
                400);
        assertThat(problem.get("type").asString()).isEqualTo("https://runonce.org/problems/validation-failed");
        List<String> refused = new ArrayList<>();
        problem.get("errors")
                .forEach(error -> refused.add(error.get("field").asString() + " "
                        + error.get("pointer").asString() + " "
                        + error.get("code").asString()));
        assertThat(refused)
                .containsExactly(
                        "applicant.name /applicant/name INVALID_NAME",
                        "form.legalRepresentativeName /form/legalRepresentativeName INVALID_NAME");
        assertThat(jdbc.sql("select count(*) from application where applicant_subject = ?")
                        .param(subject)
                        .query(Long.class)
                        .single())
                .isZero();

        // the dot typed as U+30FB is kept as the middle dot
        form.put("legalRepresentativeName", "阿依古丽\u30FB买买提");
        JsonNode pending = submit(
                me,
                Map.of(
                        "bundleCode",
                        "company-startup",
                        "applicant",
                        self,
                        "form",
                        form,
                        "materials",
                        documents(me, "ID_CARD")),
                201);
        String number = pending.get("number").asString();
        assertThat(pending.get("applicant").get("name").asString()).isEqualTo(rare);
        JsonNode read = getJson(me, APPLICATIONS + "/" + number, 200);
        assertThat(read.get("applicant").get("name").asString()).isEqualTo(rare);
        assertThat(jdbc.sql("select state -> 'applicant' ->> 'name' from application where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo(rare);
        assertThat(jdbc.sql("select state -> 'form' ->> 'legalRepresentativeName' from application where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("阿依古丽·买买提");
    }

    @Test
    void aClerkRefusesWithReasonAndLegalBasisAndTheApplicantWithdrawsAnother() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("冯十一");
        RequestPostProcessor me = applicant(subject, self);
        String pending = submit(
                        me,
                        Map.of(
                                "itemCode",
                                "hrss-unemployment-benefit",
                                "applicant",
                                self,
                                "form",
                                Map.of("terminationDate", "2026-10-31")),
                        201)
                .get("number")
                .asString();
        postJson(me, APPLICATIONS + "/" + pending + "/refusal", Map.of("reason", "x", "legalBasis", "y"), 403);
        JsonNode refused = postJson(
                clerk("clerk-2"),
                APPLICATIONS + "/" + pending + "/refusal",
                Map.of("reason", "申请人不符合领取失业保险金条件", "legalBasis", "《失业保险条例》第十四条"),
                200);
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("refusal").get("legalBasis").asString()).isEqualTo("《失业保险条例》第十四条");
        assertThat(awaitEvents(pending, "org.runonce.intake.application.refused.v1"))
                .isNotEmpty();

        JsonNode accepted = submit(
                me,
                Map.of(
                        "itemCode",
                        "hrss-unemployment-benefit",
                        "applicant",
                        self,
                        "form",
                        Map.of("terminationDate", "2026-10-31"),
                        "materials",
                        documents(me, "ID_CARD", "TERMINATION_PROOF")),
                201);
        String number = accepted.get("number").asString();
        JsonNode withdrawn = postJson(me, APPLICATIONS + "/" + number + "/withdrawal", Map.of("reason", "已重新就业"), 200);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("cases").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        postJson(me, APPLICATIONS + "/" + number + "/withdrawal", Map.of(), 409);
    }

    private static void assertCases(JsonNode application, List<String> departments, List<List<Integer>> dependsOn) {
        String number = application.get("number").asString();
        assertThat(application.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode cases = application.get("cases");
        assertThat(cases).hasSize(departments.size());
        for (int i = 0; i < departments.size(); i++) {
            JsonNode c = cases.get(i);
            assertThat(c.get("caseNumber").asString()).isEqualTo("%s-%02d".formatted(number, i + 1));
            assertThat(c.get("departmentCode").asString()).isEqualTo(departments.get(i));
            assertThat(c.get("departmentName").get("zh").asString()).isNotBlank();
            List<String> expected = dependsOn.get(i).stream()
                    .map(n -> "%s-%02d".formatted(number, n))
                    .toList();
            List<String> actual = new ArrayList<>();
            c.get("dependsOn").forEach(d -> actual.add(d.asString()));
            assertThat(actual).as(c.get("itemCode").asString()).isEqualTo(expected);
            assertThat(c.get("status").asString()).isEqualTo(expected.isEmpty() ? "PENDING" : "WAITING");
        }
    }

    static Document xhtml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static int countElements(NodeList nodes) {
        int count = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                count++;
            }
        }
        return count;
    }
}
