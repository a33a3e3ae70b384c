package org.runonce.approval.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Complaints on the real stack: the clock on region 330000's 2026 calendar across National Day and its make-up
 * Saturday, the department's reply, the complainant's and the watch's escalation (once with two rounds at the same
 * time), department and complainant isolation, an anonymous complainant's contact never shown to the department, bad
 * input refused with nothing stored.
 */
class ComplaintsIT extends RunningApproval {

    static final String COMPLAINTS = "/api/approval/complaints";
    static final String PUBLIC = "/api/approval/public/complaints";
    static final String PHONE = "13912345678";
    static final String EMAIL = "tousu.niming@example.com";

    @Autowired
    ComplaintWatch watch;

    @Autowired
    Complaints complaints;

    private JsonNode send(String path, RequestPostProcessor who, String body, int expected) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (who != null) {
            request = request.with(who);
        }
        var response = mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    private String anonymousBody(String department) {
        return """
                {"about": {"kind": "DEPARTMENT", "reference": "%s"}, "description": "窗口要求重复提交材料",
                 "contact": {"name": "匿名群众", "phone": "%s", "email": "%s"}}""".formatted(department, PHONE, EMAIL);
    }

    private int complaintCount() {
        return jdbc.sql("select count(*) from complaint").query(Integer.class).single();
    }

    @Test
    void anApplicantsComplaintAboutACaseGoesToItsDepartmentWhichRepliesAndTheApplicantEscalates() throws Exception {
        String caseNumber = foodLicenceAcceptedOn("2026-09-30");
        var filed = send(COMPLAINTS, Tokens.applicant("applicant-tousu-1"), """
                {"about": {"kind": "CASE", "reference": "%s"}, "description": "现场核查一再推迟"}""".formatted(caseNumber), 201);
        String number = filed.get("number").asString();
        assertThat(number).matches("TS-2026-\\d{6}");
        assertThat(filed.get("department").asString()).isEqualTo("SAMR");
        // 5 working days: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
        assertThat(filed.get("dueOn").asString()).isEqualTo("2026-10-13");
        assertThat(filed.get("status").asString()).isEqualTo("OPEN");

        // isolation: another applicant, another department: 404 and not listed
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.applicant("applicant-other")))
                .andExpect(status().isNotFound());
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.reviewer("PSB", "zhao.psb")))
                .andExpect(status().isNotFound());
        assertThat(getJson(COMPLAINTS, Tokens.applicant("applicant-other")).findValuesAsString("number"))
                .doesNotContain(number);
        assertThat(getJson(COMPLAINTS, Tokens.reviewer("PSB", "zhao.psb")).findValuesAsString("number"))
                .doesNotContain(number);
        assertThat(getJson(COMPLAINTS, Tokens.reviewer("SAMR", "li.samr")).findValuesAsString("number"))
                .contains(number);
        assertThat(getJson(COMPLAINTS, Tokens.applicant("applicant-tousu-1")).findValuesAsString("number"))
                .containsExactly(number);
        // another department cannot reply either
        send(COMPLAINTS + "/" + number + "/reply", Tokens.reviewer("PSB", "zhao.psb"), "{\"reply\": \"x\"}", 404);

        clock.setDay("2026-10-12");
        var replied = send(
                COMPLAINTS + "/" + number + "/reply",
                Tokens.reviewer("SAMR", "li.samr"),
                "{\"reply\": \"已安排10月14日现场核查\"}",
                200);
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        var seen = getJson(COMPLAINTS + "/" + number, Tokens.applicant("applicant-tousu-1"));
        assertThat(seen.get("reply").asString()).isEqualTo("已安排10月14日现场核查");

        send(
                COMPLAINTS + "/" + number + "/escalation",
                Tokens.applicant("applicant-other"),
                "{\"reason\": \"不满意\"}",
                404);
        var escalated = send(
                COMPLAINTS + "/" + number + "/escalation",
                Tokens.applicant("applicant-tousu-1"),
                "{\"reason\": \"答复未解决问题\"}",
                200);
        assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.get("escalationReason").asString()).isEqualTo("COMPLAINANT_UNSATISFIED");
        assertThat(getJson(COMPLAINTS + "?status=ESCALATED", Tokens.supervisor())
                        .findValuesAsString("number"))
                .contains(number);
        send(COMPLAINTS + "/" + number + "/resolution", Tokens.supervisor(), "{\"resolution\": \"已约谈部门负责人\"}", 200);
        assertThat(jdbc.sql("select action from complaint_record where complaint_number = ? order by seq")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactly("FILED", "REPLIED", "ESCALATED", "RESOLVED");
        // the service's role cannot rewrite the record nor delete the complaint
        assertThatThrownBy(() -> jdbc.sql("update complaint_record set note = 'x' where complaint_number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from complaint where number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var events = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    all -> ApprovalTopic.count(all, ".complaint.escalated.v1") == 1,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(ApprovalTopic.Received::type)
                    .containsExactly(
                            "org.runonce.approval.complaint.filed.v1",
                            "org.runonce.approval.complaint.replied.v1",
                            "org.runonce.approval.complaint.escalated.v1");
            for (var e : events) {
                assertThat(EventSchemas.violationsOfItsType(e.body()))
                        .as(e.type())
                        .isEmpty();
                assertThat(e.event().get("department").asString()).isEqualTo("SAMR");
            }
        }
    }

    @Test
    void anAnonymousComplainantsPhoneIsStoredEncryptedAndOneStoredBeforeIsReadAndEncryptedAtStart() throws Exception {
        clock.setDay("2026-09-30");
        var filed = send(PUBLIC, null, anonymousBody("PSB"), 201);
        String number = filed.get("complaint").get("number").asString();
        String code = filed.get("accessCode").asString();
        assertThat(storedPhone(number)).startsWith("pd1:").doesNotContain(PHONE);
        assertPhoneShown(number, code);

        // as stored before encryption (V16): read as it is, and encrypted at the next start
        jdbc.sql("update complaint set contact_phone = ? where number = ?")
                .params(PHONE, number)
                .update();
        assertPhoneShown(number, code);
        complaints.encryptPhonesStoredInPlaintext();
        assertThat(storedPhone(number)).startsWith("pd1:").doesNotContain(PHONE);
        assertPhoneShown(number, code);
    }

    private String storedPhone(String number) {
        return jdbc.sql("select contact_phone from complaint where number = ?")
                .param(number)
                .query(String.class)
                .single();
    }

    /** The complainant sees their phone number in full, a supervisor masked. */
    private void assertPhoneShown(String number, String code) throws Exception {
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.phone").value(PHONE));
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.phone").value("139****5678"));
    }

    @Test
    void anAnonymousComplaintNeverShowsItsContactToTheDepartmentNorInAnEvent() throws Exception {
        clock.setDay("2026-09-30");
        var filed = send(PUBLIC, null, anonymousBody("PSB"), 201);
        String number = filed.get("complaint").get("number").asString();
        String code = filed.get("accessCode").asString();
        assertThat(code).hasSize(12);
        assertThat(filed.get("complaint").get("contact").get("phone").asString())
                .isEqualTo(PHONE);

        // the department: its list and the complaint, never the contact (not even masked) nor the name
        for (String body : List.of(
                mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.reviewer("PSB", "zhao.psb")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.anonymous").value(true))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                mvc.perform(get(COMPLAINTS).with(Tokens.head("PSB", "head.psb")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())) {
            assertThat(body).contains(number).doesNotContain(PHONE, EMAIL, "匿名群众", "5678", "example.com");
        }
        // a supervisor sees it masked
        String supervisor = mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.supervisor()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(supervisor).contains("139****5678").doesNotContain(PHONE, EMAIL);
        // another department: 404
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.reviewer("SAMR", "li.samr")))
                .andExpect(status().isNotFound());

        // the complainant follows it with the code; a wrong code is as if it did not exist
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.email").value(EMAIL))
                .andExpect(jsonPath("$.department").value("PSB"));
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", "WRONGCODE234"))
                .andExpect(status().isNotFound());
        mvc.perform(get(PUBLIC + "/" + number)).andExpect(status().isBadRequest());

        // the reply reaches them, and they escalate with the code
        send(COMPLAINTS + "/" + number + "/reply", Tokens.reviewer("PSB", "zhao.psb"), "{\"reply\": \"已核实\"}", 200);
        mvc.perform(get(PUBLIC + "/" + number).header("X-Access-Code", code))
                .andExpect(jsonPath("$.reply").value("已核实"));
        mvc.perform(post(PUBLIC + "/" + number + "/escalation")
                        .header("X-Access-Code", "WRONGCODE234")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(PUBLIC + "/" + number + "/escalation")
                        .header("X-Access-Code", code)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"不满意\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ESCALATED"));

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var events = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    all -> ApprovalTopic.count(all, ".complaint.escalated.v1") == 1,
                    Duration.ofSeconds(60));
            // filed, replied, escalated for departments and supervision: never the contact; the complainant told at
            // their contact (received, replied) by events without a department, which no department system receives
            var told = events.stream()
                    .filter(e -> e.type().endsWith(".complaint.complainant-notice.v1"))
                    .toList();
            var others = events.stream().filter(e -> !told.contains(e)).toList();
            assertThat(others).hasSize(3);
            for (var e : others) {
                assertThat(e.body()).doesNotContain(PHONE, EMAIL, "匿名群众", "重复提交材料");
                assertThat(EventSchemas.violationsOfItsType(e.body())).isEmpty();
            }
            assertThat(told)
                    .extracting(e -> e.event().get("data").get("notice").asString())
                    .containsExactly("RECEIVED", "REPLIED");
            for (var e : told) {
                assertThat(e.event().has("department")).isFalse();
                assertThat(e.body()).contains(PHONE).doesNotContain("重复提交材料");
                assertThat(EventSchemas.violationsOfItsType(e.body())).isEmpty();
            }
        }
    }

    @Test
    void aWindowClerkRecordsAComplaintOnlyTheyAndItsDepartmentSee() throws Exception {
        clock.setDay("2026-09-30");
        var recorded = send(
                COMPLAINTS + "/recorded", Tokens.token("clerk.wang", null, "window-clerk"), """
                {"channel": "PHONE", "about": {"kind": "DEPARTMENT", "reference": "TAX"},
                 "description": "来电反映办税窗口排队过长", "contact": {"phone": "%s"}}""".formatted(PHONE), 201);
        String number = recorded.get("complaint").get("number").asString();
        assertThat(recorded.get("complaint").get("channel").asString()).isEqualTo("PHONE");
        assertThat(recorded.get("accessCode").asString()).hasSize(12);
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.token("clerk.wang", null, "window-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("TAX"));
        mvc.perform(get(COMPLAINTS + "/" + number).with(Tokens.token("clerk.zhou", null, "window-clerk")))
                .andExpect(status().isNotFound());
        assertThat(getJson(COMPLAINTS + "/" + number, Tokens.reviewer("TAX", "sun.tax"))
                        .toString())
                .doesNotContain(PHONE);
    }

    @Test
    void aComplaintWithoutDepartmentWaitsForASupervisorWhoseAssignmentStartsTheClock() throws Exception {
        clock.setDay("2026-09-29");
        var filed = send(COMPLAINTS, Tokens.applicant("applicant-tousu-2"), """
                {"about": {"kind": "WINDOW", "reference": "综合窗口3号"}, "description": "工作人员态度差"}""", 201);
        String number = filed.get("number").asString();
        assertThat(filed.get("department").isNull()).isTrue();
        assertThat(filed.get("dueOn").isNull()).isTrue();
        assertThat(getJson(COMPLAINTS + "?unassigned=true", Tokens.supervisor()).findValuesAsString("number"))
                .contains(number);
        assertThat(getJson(COMPLAINTS, Tokens.reviewer("SAMR", "li.samr")).findValuesAsString("number"))
                .doesNotContain(number);
        send(
                COMPLAINTS + "/" + number + "/assignment",
                Tokens.reviewer("SAMR", "li.samr"),
                "{\"department\": \"SAMR\"}",
                403);

        clock.setDay("2026-09-30");
        var assigned =
                send(COMPLAINTS + "/" + number + "/assignment", Tokens.supervisor(), "{\"department\": \"SAMR\"}", 200);
        assertThat(assigned.get("department").asString()).isEqualTo("SAMR");
        assertThat(assigned.get("dueOn").asString()).isEqualTo("2026-10-13");
        assertThat(getJson(COMPLAINTS, Tokens.reviewer("SAMR", "li.samr")).findValuesAsString("number"))
                .contains(number);

        // an application whose cases are all of one department goes to it
        String caseNumber = foodLicenceAcceptedOn("2026-09-30");
        String application = caseNumber.substring(0, caseNumber.length() - 3);
        var aboutApplication = send(COMPLAINTS, Tokens.applicant("applicant-tousu-2"), """
                {"about": {"kind": "APPLICATION", "reference": "%s"}, "description": "进度查询无回应"}""".formatted(application), 201);
        assertThat(aboutApplication.get("department").asString()).isEqualTo("SAMR");
    }

    @Test
    void anUnrepliedComplaintIsEscalatedOnceWhenOverdueEvenWithTwoRoundsAtOnce() throws Exception {
        clock.setDay("2026-09-30");
        String number = send(PUBLIC, null, anonymousBody("HRSS"), 201)
                .get("complaint")
                .get("number")
                .asString();

        clock.setDay("2026-10-13"); // the last day of the limit
        assertThat(watch.check()).doesNotContain(number);
        assertThat(getJson(COMPLAINTS + "?overdue=true", Tokens.supervisor()).findValuesAsString("number"))
                .doesNotContain(number);

        clock.setDay("2026-10-14");
        var first = CompletableFuture.supplyAsync(watch::check);
        var second = CompletableFuture.supplyAsync(watch::check);
        List<String> marked = new ArrayList<>(first.get());
        marked.addAll(second.get());
        marked.addAll(watch.check());
        assertThat(marked).containsOnlyOnce(number);
        assertThat(jdbc.sql("select count(*) from complaint_record where complaint_number = ? and action = 'OVERDUE'")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        var overdue = getJson(COMPLAINTS + "?overdue=true", Tokens.supervisor());
        assertThat(overdue.findValuesAsString("number")).contains(number);
        assertThat(getJson(COMPLAINTS + "?overdue=true", Tokens.head("HRSS", "head.hrss"))
                        .findValuesAsString("number"))
                .contains(number);
        var seen = getJson(COMPLAINTS + "/" + number, Tokens.supervisor());
        assertThat(seen.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(seen.get("escalationReason").asString()).isEqualTo("OVERDUE");
        assertThat(seen.get("overdue").asBoolean()).isTrue();

        // the department still replies, late; its reply is the last event of the complaint
        send(COMPLAINTS + "/" + number + "/reply", Tokens.reviewer("HRSS", "qian.hrss"), "{\"reply\": \"迟复\"}", 200);
        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var events = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    all -> ApprovalTopic.count(all, ".complaint.replied.v1") == 1,
                    Duration.ofSeconds(60));
            assertThat(ApprovalTopic.count(events, ".complaint.overdue.v1")).isEqualTo(1);
            assertThat(ApprovalTopic.count(events, ".complaint.escalated.v1")).isEqualTo(1);
            var replied = events.stream()
                    .filter(e -> e.type().endsWith(".complaint.replied.v1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(replied.event().get("data").get("onTime").asBoolean()).isFalse();
            events.forEach(
                    e -> assertThat(EventSchemas.violationsOfItsType(e.body())).isEmpty());
        }
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() throws Exception {
        clock.setDay("2026-09-30");
        int before = complaintCount();
        var applicant = Tokens.applicant("applicant-tousu-3");
        // no contact
        var problem = send(PUBLIC, null, """
                {"about": {"kind": "DEPARTMENT", "reference": "SAMR"}, "description": "x", "contact": {"name": "王"}}""", 400);
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "contact-required");
        // no contact at all
        send(
                PUBLIC,
                null,
                "{\"about\": {\"kind\": \"DEPARTMENT\", \"reference\": \"SAMR\"}, \"description\": \"x\"}",
                400);
        // a phone that is not one
        send(PUBLIC, null, """
                {"about": {"kind": "DEPARTMENT", "reference": "SAMR"}, "description": "x", "contact": {"phone": "call me"}}""", 400);
        // not a case number
        var invalid = send(
                COMPLAINTS,
                applicant,
                "{\"about\": {\"kind\": \"CASE\", \"reference\": \"not-a-case\"}, \"description\": \"x\"}",
                400);
        assertThat(invalid.get("type").asString()).isEqualTo(PROBLEMS + "complaint-reference-invalid");
        // a department that does not exist
        var unknown = send(
                COMPLAINTS,
                applicant,
                "{\"about\": {\"kind\": \"DEPARTMENT\", \"reference\": \"NOSUCH\"}, \"description\": \"x\"}",
                400);
        assertThat(unknown.get("type").asString()).isEqualTo(PROBLEMS + "unknown-department");
        // an unknown kind, a blank description, no subject, not JSON
        send(
                COMPLAINTS,
                applicant,
                "{\"about\": {\"kind\": \"MOOD\", \"reference\": \"x\"}, \"description\": \"x\"}",
                400);
        send(
                COMPLAINTS,
                applicant,
                "{\"about\": {\"kind\": \"WINDOW\", \"reference\": \"3\"}, \"description\": \" \"}",
                400);
        send(COMPLAINTS, applicant, "{\"description\": \"x\"}", 400);
        mvc.perform(post(COMPLAINTS)
                        .with(applicant)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{"))
                .andExpect(status().isBadRequest());
        // a reply that is blank
        send(COMPLAINTS + "/TS-2026-999999/reply", Tokens.reviewer("SAMR", "li.samr"), "{\"reply\": \"\"}", 400);
        assertThat(complaintCount()).isEqualTo(before);
        // without a token only the public paths are open
        mvc.perform(post(COMPLAINTS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"about\": {\"kind\": \"WINDOW\", \"reference\": \"3\"}, \"description\": \"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentHasAnExampleForEveryComplaintAndInquiryRequestBody() throws Exception {
        var document = getJson("/api/approval/v3/api-docs", null);
        var paths = document.get("paths");
        List<String> ours = new ArrayList<>();
        paths.propertyNames().forEach(p -> {
            if (p.contains("/complaints") || p.contains("/inquiries")) {
                ours.add(p);
            }
        });
        assertThat(ours)
                .contains(
                        COMPLAINTS,
                        PUBLIC,
                        PUBLIC + "/{number}",
                        COMPLAINTS + "/{number}/reply",
                        "/api/approval/inquiries/{number}/handover",
                        "/api/approval/public/inquiries/{number}");
        int bodies = 0;
        for (String path : ours) {
            for (var operation : paths.get(path)) {
                var media = operation.path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                bodies++;
                var schema = media.path("schema");
                if (schema.has("$ref")) {
                    schema = document.at(schema.get("$ref").asString().substring(1));
                }
                for (var property : schema.path("properties")) {
                    assertThat(property.has("example") || property.has("$ref") || property.has("description"))
                            .as("%s %s", path, property)
                            .isTrue();
                }
            }
        }
        assertThat(bodies).isGreaterThanOrEqualTo(11);
        // named so that no other schema of the service takes their place
        List<String> schemas =
                new ArrayList<>(document.get("components").get("schemas").propertyNames());
        assertThat(schemas)
                .contains(
                        "Complaint",
                        "ComplaintReceipt",
                        "ComplaintRecordEntry",
                        "AnonymousContact",
                        "Inquiry",
                        "InquiryReceipt",
                        "InquiryHandoverRecord");
        // the public paths need no token
        assertThat(paths.get(PUBLIC).get("post").path("security").toString()).isIn("[]", "");
    }
}
