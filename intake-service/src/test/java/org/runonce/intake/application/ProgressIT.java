package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * From acceptance to evaluation: the accepted event on Kafka against its schema, case progress across departments,
 * completion, one delivery, the rating and its follow-up, visits, and the supervisors' statistics.
 */
class ProgressIT extends IntakeIT {

    @Autowired
    FollowingApprovals approvals;

    @Test
    void theAcceptedEventOnKafkaIsKeyedByTheApplicationAndValidatesAgainstItsSchema() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), person("张三"));
        String number = acceptedCompanyStartup(me, clerkOrApplicant(me));

        List<String> events = awaitEvents(number, ApplicationAccepted.TYPE);

        String accepted = events.stream()
                .filter(e -> json.readTree(e).get("type").asString().equals(ApplicationAccepted.TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(ApplicationAccepted.TYPE), accepted))
                .as(accepted)
                .isEmpty();
        JsonNode event = json.readTree(accepted);
        assertThat(event.get("subject").asString()).isEqualTo(number);
        assertThat(event.has("department")).isFalse();
        JsonNode data = event.get("data");
        assertThat(data.get("cases")).hasSize(5);
        assertThat(data.get("applicant").get("idNumber").asString()).hasSize(18);
        assertThat(data.get("form").get("companyName").asString()).isEqualTo("杭州一次科技有限公司");
        for (String body : events) {
            String type = json.readTree(body).get("type").asString();
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(type), body))
                    .as(body)
                    .isEmpty();
        }
    }

    @Test
    void whenEveryCaseIsDecidedTheApplicationCompletesIsDeliveredOnceAndRated() throws Exception {
        clock().set("2027-03-10T10:00");
        String subject = newSubject();
        RequestPostProcessor me = applicant(subject);
        RequestPostProcessor clerk = clerk("clerk-progress");
        String number = acceptedCompanyStartup(me, clerk);
        JsonNode application = getJson(me, "/api/intake/applications/" + number, 200);
        List<String> cases = new ArrayList<>();
        application.get("cases").forEach(c -> cases.add(c.get("caseNumber").asString()));

        clock().set("2027-03-10T15:00");
        approvals.caseProgressed(new CaseUpdate(cases.get(0), "IN_REVIEW", null, clock.instant()));
        JsonNode inReview = getJson(me, "/api/intake/applications/" + number, 200);
        assertThat(inReview.get("cases").get(0).get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(inReview.get("cases").get(0).get("departmentName").get("en").asString())
                .isEqualTo("Administration for Market Regulation");

        approvals.caseProgressed(
                new CaseUpdate(cases.get(0), "APPROVED", "BUSINESS_LICENCE-2027-000001", clock.instant()));
        for (String caseNumber : cases.subList(1, 5)) {
            assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                            .get("status")
                            .asString())
                    .isEqualTo("ACCEPTED");
            approvals.caseProgressed(new CaseUpdate(caseNumber, "APPROVED", null, clock.instant()));
        }
        JsonNode completed = getJson(me, "/api/intake/applications/" + number, 200);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(awaitEvents(number, "org.runonce.intake.application.completed.v1"))
                .isNotEmpty();
        // redelivered progress changes nothing
        assertThat(approvals.caseProgressed(new CaseUpdate(cases.get(0), "APPROVED", null, clock.instant())))
                .isFalse();

        // the seal cannot be e-mailed: electronic delivery is not offered for this bundle
        postJson(clerk, "/api/intake/applications/" + number + "/delivery", Map.of("method", "ELECTRONIC"), 422);
        postJson(clerk, "/api/intake/applications/" + number + "/delivery", Map.of("method", "MAIL"), 400);
        JsonNode delivered = postJson(
                clerk,
                "/api/intake/applications/" + number + "/delivery",
                Map.of("method", "MAIL", "trackingNumber", "SF1234567890", "address", "杭州市西湖区文三路1号"),
                200);
        assertThat(delivered.get("delivery").get("trackingNumber").asString()).isEqualTo("SF1234567890");
        postJson(clerk, "/api/intake/applications/" + number + "/delivery", Map.of("method", "WINDOW_PICKUP"), 409);
        assertThat(awaitEvents(number, "org.runonce.intake.application.result-delivered.v1"))
                .isNotEmpty();

        // the applicant rates (a clerk records it for them at the window); nobody else does
        postJson(supervisor(), "/api/intake/applications/" + number + "/evaluation", Map.of("rating", 5), 403);
        JsonNode rated = postJson(
                me, "/api/intake/applications/" + number + "/evaluation", Map.of("rating", 2, "comment", "等太久"), 200);
        assertThat(rated.get("evaluation").get("followUpDue").asString()).isEqualTo("2027-03-17");
        postJson(me, "/api/intake/applications/" + number + "/evaluation", Map.of("rating", 5), 409);

        JsonNode followUps = getJson(supervisor(), "/api/intake/supervision/follow-ups", 200);
        assertThat(followUps.findValuesAsString("number")).contains(number);
        getJson(me, "/api/intake/supervision/follow-ups", 403);
        postJson(
                supervisor(),
                "/api/intake/supervision/follow-ups/" + number + "/resolution",
                Map.of("note", "已致电申请人说明原因并改进窗口排队"),
                200);
        assertThat(getJson(supervisor(), "/api/intake/supervision/follow-ups", 200)
                        .findValuesAsString("number"))
                .doesNotContain(number);
    }

    @Test
    void visitsAreCountedPerDayFlaggedAboveOneAndSupervisorsSeeTheFigures() throws Exception {
        clock().set("2027-03-15T09:00");
        RequestPostProcessor clerk = clerk("clerk-visits");
        // at the window with one material missing: the first visit
        JsonNode pending = submit(
                clerk,
                Map.of(
                        "itemCode", "hrss-unemployment-benefit",
                        "applicant", person("多跑"),
                        "identityCheck", idCardRead(),
                        "form", Map.of("terminationDate", "2027-02-28"),
                        "materials", documents(clerk, "ID_CARD")),
                201);
        String number = pending.get("number").asString();
        assertThat(pending.get("visits").asInt()).isEqualTo(1);
        postJson(clerk, "/api/intake/applications/" + number + "/visits", Map.of("purpose", "CONSULTATION"), 200);
        assertThat(getJson(clerk, "/api/intake/applications/" + number, 200)
                        .get("visits")
                        .asInt())
                .isEqualTo(1);

        // back another day to hand in the rest: a second visit, flagged
        clock().set("2027-03-16T09:00");
        JsonNode accepted = postJson(
                clerk,
                "/api/intake/applications/" + number + "/supplements",
                Map.of("materials", documents(clerk, "TERMINATION_PROOF")),
                200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("visits").asInt()).isEqualTo(2);
        assertThat(accepted.get("multipleVisits").asBoolean()).isTrue();
        assertThat(getJson(supervisor(), "/api/intake/supervision/multiple-visits", 200)
                        .findValuesAsString("number"))
                .contains(number);

        // an online application accepted at once, in the same period
        Map<String, Object> self = person("零跑");
        RequestPostProcessor me = applicant(newSubject(), self);
        submit(
                me,
                Map.of(
                        "itemCode",
                        "hrss-unemployment-benefit",
                        "applicant",
                        self,
                        "form",
                        Map.of("terminationDate", "2027-02-28"),
                        "materials",
                        documents(me, "ID_CARD", "TERMINATION_PROOF")),
                201);

        JsonNode figures = getJson(supervisor(), "/api/intake/statistics?from=2027-03-15&to=2027-03-16", 200);
        assertThat(figures.get("applications").asLong()).isEqualTo(2);
        assertThat(figures.get("byChannel").get("WINDOW").asLong()).isEqualTo(1);
        assertThat(figures.get("byChannel").get("ONLINE").asLong()).isEqualTo(1);
        assertThat(figures.get("accepted").asLong()).isEqualTo(2);
        assertThat(figures.get("acceptedWithinOneVisit").asLong()).isEqualTo(1);
        assertThat(figures.get("firstVisitAcceptanceRate").asDouble()).isEqualTo(0.5);
        assertThat(figures.get("averageVisits").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("multipleVisitApplications").asLong()).isEqualTo(1);
        assertThat(figures.get("notices").asLong()).isEqualTo(1);
        getJson(clerk, "/api/intake/statistics", 403);
    }

    @Test
    void theApplicantChoosesElectronicDeliveryAndItIsRecordedOnceAtCompletionWithTheCertificates() throws Exception {
        Map<String, Object> self = person("电子送达");
        RequestPostProcessor me = applicant(newSubject(), self);
        self.remove("name");
        self.remove("idNumber");
        JsonNode accepted = submit(
                me,
                Map.of(
                        "itemCode",
                        "samr-company-registration",
                        "applicant",
                        self,
                        "form",
                        Map.of(
                                "companyName", "杭州送达科技有限公司",
                                "registeredCapitalYuan", 100000,
                                "businessScope", "软件",
                                "registeredAddress", "杭州市滨江区1号",
                                "legalRepresentativeName", "电子送达"),
                        "materials",
                        documents(
                                me,
                                "COMPANY_REGISTRATION_APPLICATION",
                                "ARTICLES_OF_ASSOCIATION",
                                "ID_CARD",
                                "PREMISES_PROOF",
                                "OFFICER_APPOINTMENTS"),
                        "deliveryChoice",
                        Map.of("method", "MAIL", "address", "杭州市滨江区1号")),
                201);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("deliveryChoice").get("method").asString()).isEqualTo("MAIL"); // chosen at submission
        String number = accepted.get("number").asString();
        String path = "/api/intake/applications/" + number + "/delivery-choice";
        assertThat(accepted.get("deliveryOptions").toString()).contains("ELECTRONIC");

        // bad input changes nothing; nobody else chooses for me
        putJson(me, path, Map.of("method", "PIGEON"), 400);
        putJson(me, path, Map.of("method", "MAIL"), 400);
        putJson(applicant(newSubject()), path, Map.of("method", "ELECTRONIC"), 404);
        assertThat(getJson(me, "/api/intake/applications/" + number, 200)
                        .get("deliveryChoice")
                        .get("method")
                        .asString())
                .isEqualTo("MAIL");

        JsonNode chosen = putJson(me, path, Map.of("method", "ELECTRONIC"), 200);
        assertThat(chosen.get("deliveryChoice").get("method").asString()).isEqualTo("ELECTRONIC");
        assertThat(chosen.get("delivery").isNull()).isTrue();

        String caseNumber = accepted.get("cases").get(0).get("caseNumber").asString();
        approvals.caseProgressed(
                new CaseUpdate(caseNumber, "APPROVED", "BUSINESS_LICENCE-2027-000777", clock.instant()));
        JsonNode completed = getJson(me, "/api/intake/applications/" + number, 200);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("delivery").get("method").asString()).isEqualTo("ELECTRONIC");
        assertThat(completed.get("delivery").get("deliveredBy").asString()).isEqualTo("system");
        String delivered = awaitEvents(number, "org.runonce.intake.application.result-delivered.v1").stream()
                .filter(e -> e.contains("result-delivered"))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf("org.runonce.intake.application.result-delivered.v1"), delivered))
                .isEmpty();
        assertThat(json.readTree(delivered)
                        .get("data")
                        .get("certificateNumbers")
                        .toString())
                .contains("BUSINESS_LICENCE-2027-000777");
        // delivered means delivered: no second delivery, no new choice
        postJson(
                clerk("clerk-delivery"),
                "/api/intake/applications/" + number + "/delivery",
                Map.of("method", "WINDOW_PICKUP"),
                409);
        putJson(me, path, Map.of("method", "WINDOW_PICKUP"), 409);
    }

    private RequestPostProcessor clerkOrApplicant(RequestPostProcessor me) {
        return me;
    }
}
