package org.runonce.approval.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.runonce.approval.Tokens.applicant;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Reviewing;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Commitment approval (告知承诺制) on real PostgreSQL and Kafka: a food licence case intake accepted on the
 * applicant's commitment is decided without the committed material, its post-approval check is due on the 330000
 * calendar across National Day, a failed check revokes the certificate and raises post-approval-check.failed; only
 * the department records it; an unrecorded check past its day is raised overdue once by two concurrent rounds.
 */
class CommitmentApprovalIT extends RunningApproval {

    static final String CHECKS = "/api/approval/post-approval-checks";
    static final String STATEMENT = "本人承诺：食品安全管理制度符合食品经营许可条件；如承诺不实，愿接受撤销许可。";

    @Autowired
    Reviewing reviewing;

    @Autowired
    Deciding deciding;

    @Autowired
    CommitmentApproval approval;

    /** An item of its own (not to change the fixtures' food licence): the food licence marked for commitment approval, the check within 5 working days. */
    static final String MARKED = "samr-food-licence-on-commitment";

    @BeforeEach
    void markedVersion() {
        var food = Fixtures.items().stream()
                .filter(i -> i.itemCode().equals(Fixtures.FOOD))
                .findFirst()
                .orElseThrow();
        var marked = new ItemVersionPublished(
                MARKED,
                1,
                food.validFrom(),
                null,
                food.publishedAt(),
                food.kind(),
                food.departmentCode(),
                food.name(),
                food.legalBasis(),
                food.acceptanceConditions(),
                food.steps(),
                List.of(Fixtures.material("FOOD_SAFETY_PLAN", null), Fixtures.material("FOOD_SAFETY_RULES", null)),
                food.fees(),
                food.timeLimits(),
                food.handlingMode(),
                food.visitsRequired(),
                food.result(),
                food.deliveryOptions(),
                food.consultationChannels(),
                food.complaintChannels(),
                food.form(),
                new ItemVersionPublished.Commitment(
                        new Name(STATEMENT, "I undertake that the food safety rules meet the conditions."),
                        List.of("FOOD_SAFETY_RULES"),
                        5));
        catalog.apply(CloudEvent.<Object>of(
                        UUID.randomUUID().toString(),
                        "/runonce/catalog",
                        ItemVersionPublished.TYPE,
                        Fixtures.PUBLISHED,
                        marked.itemCode(),
                        marked)
                .inDepartment("SAMR")
                .withData(Fixtures.JSON.valueToTree(marked)));
    }

    /** Intake accepts a food licence on commitment on {@code day}: sent on Kafka; returns the case number. */
    String acceptedOnCommitment(String day) throws Exception {
        clock.setDay(day);
        String app = Fixtures.newApplicationNumber();
        String number = app + "-01";
        var accepted = Fixtures.intakeEvent(
                ApplicationAccepted.TYPE,
                app,
                new ApplicationAccepted(
                        app,
                        null,
                        Fixtures.applicant(),
                        "ONLINE",
                        "330000",
                        null,
                        clock.instant(),
                        5,
                        LocalDate.parse(day).plusDays(7),
                        false,
                        null,
                        List.of(),
                        Map.of(),
                        List.of(new ApplicationAccepted.Case(
                                number,
                                MARKED,
                                1,
                                "SAMR",
                                List.of(),
                                5,
                                List.of(new MaterialReference(
                                        "FOOD_SAFETY_PLAN", UUID.randomUUID().toString(), null, null)),
                                List.of("FOOD_SAFETY_RULES"))),
                        new ApplicationAccepted.Commitment(STATEMENT, clock.instant(), "李小红", null)));
        // what intake sends: valid against intake's schema
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(accepted.type()), json.writeValueAsString(accepted)))
                .isEmpty();
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, List.of(accepted));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql(
                                        "select count(*) from commitment_case c join approval_case a on a.number = c.case_number"
                                                + " where c.case_number = ?")
                                .param(number)
                                .query(Integer.class)
                                .single()
                        == 1);
        return number;
    }

    /** The reviewer decides without the committed material; returns the certificate number. */
    String approve(String number) {
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.startReview(number, li);
        reviewing.advance(number, null, li);
        return deciding.approve(
                        number,
                        "申请人承诺符合条件，当场作出许可决定",
                        "《食品安全法》第三十五条",
                        new CertificateDetails(
                                null, null, Map.of("businessScope", "热食类食品制售"), LocalDate.parse("2031-09-21")),
                        li)
                .decision()
                .certificateNumber();
    }

    ResultActions result(String id, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(CHECKS + "/" + id + "/result")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void decidedOnTheCommitmentCheckedOnTheCalendarAndAFailedCheckRevokesTheCertificate() throws Exception {
        String number = acceptedOnCommitment("2026-09-29");
        var samr = reviewer("SAMR", "li.samr");

        JsonNode before = getJson("/api/approval/cases/" + number + "/commitment", samr);
        assertThat(before.get("committedMaterials").get(0).asString()).isEqualTo("FOOD_SAFETY_RULES");
        assertThat(before.get("statement").asString()).isEqualTo(STATEMENT);
        assertThat(before.get("check").isNull()).isTrue();

        String certificate = approve(number);
        assertThat(certificate).isNotNull();

        // decided Tuesday 29 September; 5 working days: 30 Sep, (1-7 Oct National Day), 8, 9, Saturday 10 (make-up), 12
        JsonNode check =
                getJson("/api/approval/cases/" + number + "/commitment", samr).get("check");
        assertThat(check.get("dueOn").asString()).isEqualTo("2026-10-12");
        assertThat(check.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(check.get("certificateNumber").asString()).isEqualTo(certificate);
        String id = check.get("id").asString();
        assertThat(ids(getJson(CHECKS, samr))).contains(id);
        assertThat(ids(getJson(CHECKS + "?status=SCHEDULED", supervisor()))).contains(id);

        // another department sees nothing and cannot record it; an applicant is not staff
        var psb = reviewer("PSB", "zhou.psb");
        assertThat(ids(getJson(CHECKS, psb))).doesNotContain(id);
        assertThat(ids(getJson(CHECKS + "?department=SAMR", psb))).isEmpty();
        mvc.perform(get(CHECKS + "/" + id).with(psb)).andExpect(status().isNotFound());
        mvc.perform(get("/api/approval/cases/" + number + "/commitment").with(psb))
                .andExpect(status().isNotFound());
        result(id, psb, "{\"outcome\": \"FAILED\", \"findings\": \"伪造\"}").andExpect(status().isNotFound());
        result(id, applicant("applicant-1"), "{\"outcome\": \"PASSED\"}").andExpect(status().isForbidden());
        // a failure needs its findings
        result(id, samr, "{\"outcome\": \"FAILED\"}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/approval/certificates/" + certificate))
                .andExpect(jsonPath("$.status").value("VALID"));

        clock.setDay("2026-10-09");
        result(id, samr, """
                        {"outcome": "FAILED", "findings": "现场核查：未建立食品安全管理制度，与承诺不符。"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.checkedBy").value("li.samr"));

        // verification says revoked; the trail records the check and the revocation
        mvc.perform(get("/api/approval/certificates/" + certificate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(auditActions(number)).containsSubsequence("POST_APPROVAL_CHECK_FAILED", "CERTIFICATE_REVOKED");
        // and an accountability record for the department's head to resolve
        mvc.perform(get("/api/approval/accountability")
                        .param("rule", "POST_APPROVAL_CHECK_FAILED")
                        .with(samr))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseNumber == '" + number + "')].facts")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.containsString("未建立食品安全管理制度"))));
        result(id, samr, "{\"outcome\": \"PASSED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "check-recorded"));

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    seen -> ApprovalTopic.count(seen, ".post-approval-check.failed.v1") == 1
                            && ApprovalTopic.count(seen, ".certificate.revoked.v1") == 1,
                    Duration.ofSeconds(60));
            var failed = topic.matching(
                            r -> r.subject().equals(number) && r.type().endsWith(".post-approval-check.failed.v1"))
                    .getFirst();
            assertThat(failed.event().get("department").asString()).isEqualTo("SAMR");
            assertThat(failed.event().get("data").get("certificateNumber").asString())
                    .isEqualTo(certificate);
            records.forEach(r -> assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                    .as(r.body())
                    .isEmpty());
        }
    }

    @Test
    void aCaseNotAcceptedOnCommitmentOwesNoCheck() throws Exception {
        clock.setDay("2026-09-22");
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        approve(app + "-01");

        mvc.perform(get("/api/approval/cases/" + app + "-01/commitment").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from post_approval_check where case_number = ?")
                        .param(app + "-01")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnrecordedCheckPastItsDayIsRaisedOverdueOnceByTwoConcurrentRounds() throws Exception {
        String number = acceptedOnCommitment("2026-11-02");
        approve(number);
        String id = getJson("/api/approval/cases/" + number + "/commitment", reviewer("SAMR", "li.samr"))
                .get("check")
                .get("id")
                .asString();
        // due Monday 9 November (5 working days after Monday 2 November): not overdue on its day
        clock.setDay("2026-11-09");
        assertThat(approval.raiseOverdue()).doesNotContain(number);
        assertThat(ids(getJson(CHECKS + "?overdue=true", supervisor()))).doesNotContain(id);

        clock.setDay("2026-11-10");
        List<String> raised = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<List<String>>> rounds = List.of(approval::raiseOverdue, approval::raiseOverdue);
            for (Future<List<String>> round : pool.invokeAll(rounds)) {
                raised.addAll(round.get());
            }
        }
        raised.addAll(approval.raiseOverdue());
        assertThat(raised.stream().filter(number::equals)).hasSize(1);
        assertThat(ids(getJson(CHECKS + "?overdue=true", supervisor()))).contains(id);
        assertThat(ids(getJson(CHECKS + "?overdue=true", reviewer("PSB", "zhou.psb"))))
                .doesNotContain(id);

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    seen -> ApprovalTopic.count(seen, ".post-approval-check.overdue.v1") >= 1,
                    Duration.ofSeconds(60));
            assertThat(ApprovalTopic.count(records, ".post-approval-check.overdue.v1"))
                    .isEqualTo(1);
            records.forEach(r -> assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                    .as(r.body())
                    .isEmpty());
        }

        // recorded late as passed: the certificate stays valid
        result(id, reviewer("SAMR", "li.samr"), "{\"outcome\": \"PASSED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PASSED"));
        assertThat(ids(getJson(CHECKS + "?overdue=true", supervisor()))).doesNotContain(id);
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
