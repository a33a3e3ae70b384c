package org.runonce.approval.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.Tokens;
import org.runonce.contracts.EventSchemas;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * First-inquiry responsibility on the real stack: whoever receives an inquiry owns it until they hand it over to a
 * named owner (recorded), the inquirer sees the owner, only the owner answers, departments see only theirs, the limit
 * runs on region 330000's 2026 calendar across National Day and its make-up Saturday, and an overdue inquiry is raised
 * once even with two rounds of the watch at once.
 */
class InquiriesIT extends RunningApproval {

    static final String INQUIRIES = "/api/approval/inquiries";
    static final String PUBLIC = "/api/approval/public/inquiries";
    static final String PHONE = "13712345678";
    static final RequestPostProcessor CLERK = Tokens.token("clerk.wang", null, "window-clerk");

    @Autowired
    InquiryWatch watch;

    @Autowired
    Inquiries inquiries;

    private JsonNode send(String path, RequestPostProcessor who, String body, int expected) throws Exception {
        var request = MockMvcRequestBuilders.post(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (who != null) {
            request = request.with(who);
        }
        String response = mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return response.isEmpty() ? null : json.readTree(response);
    }

    private JsonNode received(String question) throws Exception {
        return send(INQUIRIES, CLERK, """
                {"channel": "WINDOW", "question": "%s", "contact": {"name": "赵女士", "phone": "%s"}}""".formatted(question, PHONE), 201);
    }

    private int inquiryCount() {
        return jdbc.sql("select count(*) from inquiry").query(Integer.class).single();
    }

    @Test
    void anInquirersPhoneIsStoredEncryptedAndOneStoredBeforeIsReadAndEncryptedAtStart() throws Exception {
        clock.setDay("2026-09-30");
        var r = received("不动产登记要带什么？");
        String number = r.get("inquiry").get("number").asString();
        String code = r.get("accessCode").asString();
        assertThat(storedPhone(number)).startsWith("pd1:").doesNotContain(PHONE);
        assertPhoneShown(number, code);

        // as stored before encryption (V16): read as it is, and encrypted at the next start
        jdbc.sql("update inquiry set contact_phone = ? where number = ?")
                .params(PHONE, number)
                .update();
        assertPhoneShown(number, code);
        inquiries.encryptPhonesStoredInPlaintext();
        assertThat(storedPhone(number)).startsWith("pd1:").doesNotContain(PHONE);
        assertPhoneShown(number, code);
    }

    private String storedPhone(String number) {
        return jdbc.sql("select contact_phone from inquiry where number = ?")
                .param(number)
                .query(String.class)
                .single();
    }

    /** The inquirer sees their phone number in full, a supervisor masked. */
    private void assertPhoneShown(String number, String code) throws Exception {
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.phone").value(PHONE));
        mvc.perform(get(INQUIRIES + "/" + number).with(Tokens.supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.phone").value("137****5678"));
    }

    @Test
    void theClerkWhoReceivedItOwnsItUntilHandingItOverAndTheInquirerSeesWhoOwnsIt() throws Exception {
        clock.setDay("2026-09-30");
        var r = received("食品经营许可需要哪些材料？");
        String number = r.get("inquiry").get("number").asString();
        String code = r.get("accessCode").asString();
        assertThat(number).matches("ZX-2026-\\d{6}");
        assertThat(r.get("inquiry").get("owner").asString()).isEqualTo("clerk.wang");
        // 2 working days after National Day: 10-08, 10-09
        assertThat(r.get("inquiry").get("dueOn").asString()).isEqualTo("2026-10-09");

        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value("clerk.wang"))
                .andExpect(jsonPath("$.contact.phone").value(PHONE));
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", "WRONGCODE234"))
                .andExpect(status().isNotFound());

        // nobody else answers or hands it over: a department that cannot see it gets 404, another clerk too
        send(INQUIRIES + "/" + number + "/answer", Tokens.reviewer("SAMR", "li.samr"), "{\"answer\": \"x\"}", 404);
        send(
                INQUIRIES + "/" + number + "/answer",
                Tokens.token("clerk.zhou", null, "window-clerk"),
                "{\"answer\": \"x\"}",
                404);

        clock.set("2026-10-08T10:00:00");
        var handedOver = send(INQUIRIES + "/" + number + "/handover", CLERK, """
                {"toOwner": "li.samr", "toDepartment": "SAMR", "reason": "涉及现场核查，由审查人员答复"}""", 200);
        assertThat(handedOver.get("owner").asString()).isEqualTo("li.samr");
        assertThat(handedOver.get("handovers").findValuesAsString("toOwner")).containsExactly("clerk.wang", "li.samr");
        assertThat(jdbc.sql("select reason from inquiry_handover where inquiry_number = ? order by seq")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactly("received (首问)", "涉及现场核查，由审查人员答复");
        assertThatThrownBy(() -> jdbc.sql("update inquiry_handover set reason = 'x' where inquiry_number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(jsonPath("$.owner").value("li.samr"))
                .andExpect(jsonPath("$.ownerDepartment").value("SAMR"));

        // the clerk who received it still sees it, but no longer answers it
        var refused = send(INQUIRIES + "/" + number + "/answer", CLERK, "{\"answer\": \"x\"}", 403);
        assertThat(refused.get("type").asString()).isEqualTo(PROBLEMS + "not-the-owner");

        // departments: SAMR sees it (never the contact), PSB does not
        String samr = mvc.perform(get(INQUIRIES + "/" + number).with(Tokens.head("SAMR", "head.samr")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(samr).doesNotContain(PHONE, "赵女士");
        mvc.perform(get(INQUIRIES + "/" + number).with(Tokens.reviewer("PSB", "zhao.psb")))
                .andExpect(status().isNotFound());
        assertThat(getJson(INQUIRIES, Tokens.reviewer("PSB", "zhao.psb")).findValuesAsString("number"))
                .doesNotContain(number);
        assertThat(getJson(INQUIRIES, Tokens.reviewer("SAMR", "li.samr")).findValuesAsString("number"))
                .contains(number);

        var answered = send(
                INQUIRIES + "/" + number + "/answer",
                Tokens.reviewer("SAMR", "li.samr"),
                "{\"answer\": \"需提交食品安全管理制度、场所平面图\"}",
                200);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(jsonPath("$.answer").value("需提交食品安全管理制度、场所平面图"))
                .andExpect(jsonPath("$.overdue").value(false));
    }

    @Test
    void anApplicantsOnlineInquiryIsOwnedByTheDepartmentMemberWhoTakesIt() throws Exception {
        clock.setDay("2026-09-30");
        var asked = send(
                INQUIRIES + "/online",
                Tokens.applicant("applicant-zixun-1"),
                "{\"department\": \"SAMR\", \"question\": \"现场核查需要多久？\"}",
                201);
        String number = asked.get("number").asString();
        assertThat(asked.get("owner").isNull()).isTrue();
        assertThat(asked.get("ownerDepartment").asString()).isEqualTo("SAMR");

        mvc.perform(get(INQUIRIES + "/" + number).with(Tokens.applicant("applicant-other")))
                .andExpect(status().isNotFound());
        assertThat(getJson(INQUIRIES, Tokens.applicant("applicant-other")).findValuesAsString("number"))
                .doesNotContain(number);
        send(INQUIRIES + "/" + number + "/take", Tokens.reviewer("PSB", "zhao.psb"), null, 404);
        var taken = send(INQUIRIES + "/" + number + "/take", Tokens.reviewer("SAMR", "li.samr"), null, 200);
        assertThat(taken.get("owner").asString()).isEqualTo("li.samr");
        send(INQUIRIES + "/" + number + "/take", Tokens.reviewer("SAMR", "wu.samr"), null, 409);
        var mine = getJson(INQUIRIES + "/" + number, Tokens.applicant("applicant-zixun-1"));
        assertThat(mine.get("owner").asString()).isEqualTo("li.samr");
        assertThat(getJson(INQUIRIES, Tokens.applicant("applicant-zixun-1")).findValuesAsString("number"))
                .contains(number);

        // someone who does not sign in asks with a contact, and follows the owner with the code
        var anonymous = send(PUBLIC, null, """
                {"department": "PSB", "question": "公章刻制要多久？", "contact": {"email": "zixun@example.com"}}""", 201);
        String other = anonymous.get("inquiry").get("number").asString();
        String code = anonymous.get("accessCode").asString();
        var psb = getJson(INQUIRIES + "/" + other, Tokens.reviewer("PSB", "zhao.psb"));
        assertThat(psb.get("anonymous").asBoolean()).isTrue();
        assertThat(psb.toString()).doesNotContain("zixun@example.com", "example.com");
        mvc.perform(get(INQUIRIES + "/" + other).with(Tokens.reviewer("SAMR", "li.samr")))
                .andExpect(status().isNotFound());
        send(INQUIRIES + "/" + other + "/take", Tokens.reviewer("PSB", "zhao.psb"), null, 200);
        mvc.perform(get(PUBLIC + "/" + other).header("X-Access-Code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value("zhao.psb"))
                .andExpect(jsonPath("$.contact.email").value("zixun@example.com"));
        assertThat(getJson(INQUIRIES + "/" + other, Tokens.supervisor()).toString())
                .contains("z***@example.com")
                .doesNotContain("zixun@example.com");
    }

    @Test
    void anUnansweredInquiryIsOverdueOnTheMakeUpSaturdayAndRaisedOnceEvenWithTwoRoundsAtOnce() throws Exception {
        clock.setDay("2026-09-30");
        String number = received("个体工商户登记可以当场办吗？").get("inquiry").get("number").asString();

        clock.setDay("2026-10-09");
        assertThat(watch.check()).doesNotContain(number);
        assertThat(getJson(INQUIRIES + "?overdue=true", Tokens.supervisor()).findValuesAsString("number"))
                .doesNotContain(number);

        clock.setDay("2026-10-10"); // a Saturday, but a make-up working day: the third working day
        var first = CompletableFuture.supplyAsync(watch::check);
        var second = CompletableFuture.supplyAsync(watch::check);
        List<String> raised = new ArrayList<>(first.get());
        raised.addAll(second.get());
        raised.addAll(watch.check());
        assertThat(raised).containsOnlyOnce(number);
        assertThat(getJson(INQUIRIES + "?overdue=true", Tokens.supervisor()).findValuesAsString("number"))
                .contains(number);
        assertThat(getJson(INQUIRIES + "/" + number, CLERK).get("overdue").asBoolean())
                .isTrue();

        // answered late: its answer is the marker after which the overdue event must be on the topic, once
        clock.setDay("2026-10-12");
        send(INQUIRIES + "/" + number + "/answer", CLERK, "{\"answer\": \"可以，即来即办\"}", 200);
        assertThat(jdbc.sql("select overdue_at is not null from inquiry where number = ?")
                        .param(number)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var events = topic.awaitRecords(
                    e -> e.subject().equals(number),
                    all -> ApprovalTopic.count(all, ".inquiry.overdue.v1") >= 1,
                    Duration.ofSeconds(60));
            assertThat(ApprovalTopic.count(events, ".inquiry.overdue.v1")).isEqualTo(1);
            var overdue = events.getFirst();
            assertThat(EventSchemas.violationsOfItsType(overdue.body())).isEmpty();
            assertThat(overdue.body()).doesNotContain(PHONE, "个体工商户登记");
            assertThat(overdue.event().get("data").get("owner").asString()).isEqualTo("clerk.wang");
        }
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() throws Exception {
        clock.setDay("2026-09-30");
        int before = inquiryCount();
        var problem = send(
                PUBLIC, null, "{\"department\": \"SAMR\", \"question\": \"x\", \"contact\": {\"name\": \"王\"}}", 400);
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "contact-required");
        var unknown = send(
                PUBLIC,
                null,
                "{\"department\": \"NOSUCH\", \"question\": \"x\", \"contact\": {\"phone\": \"13700000000\"}}",
                400);
        assertThat(unknown.get("type").asString()).isEqualTo(PROBLEMS + "unknown-department");
        send(PUBLIC, null, "{\"question\": \"x\", \"contact\": {\"phone\": \"13700000000\"}}", 400);
        send(
                INQUIRIES,
                CLERK,
                "{\"channel\": \"FAX\", \"question\": \"x\", \"contact\": {\"phone\": \"1370000\"}}",
                400);
        send(
                INQUIRIES,
                CLERK,
                "{\"channel\": \"WINDOW\", \"question\": \"\", \"contact\": {\"phone\": \"1370000\"}}",
                400);
        send(INQUIRIES, CLERK, "{\"channel\": \"WINDOW\", \"question\": \"x\"}", 400);
        send(
                INQUIRIES + "/online",
                Tokens.applicant("applicant-zixun-2"),
                "{\"department\": \"samr!\", \"question\": \"x\"}",
                400);
        assertThat(inquiryCount()).isEqualTo(before);

        // a hand-over to nobody, or to a department that does not exist, changes nothing
        String number = received("x").get("inquiry").get("number").asString();
        send(INQUIRIES + "/" + number + "/handover", CLERK, "{\"toOwner\": \"\", \"reason\": \"x\"}", 400);
        send(
                INQUIRIES + "/" + number + "/handover",
                CLERK,
                "{\"toOwner\": \"li.samr\", \"toDepartment\": \"NOSUCH\", \"reason\": \"x\"}",
                400);
        send(
                INQUIRIES + "/" + number + "/handover",
                CLERK,
                "{\"toOwner\": \"li.samr\", \"toDepartment\": \"SAMR\"}",
                400);
        assertThat(jdbc.sql("select count(*) from inquiry_handover where inquiry_number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(getJson(INQUIRIES + "/" + number, CLERK).get("owner").asString())
                .isEqualTo("clerk.wang");
    }
}
