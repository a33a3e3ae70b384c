package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The review workflow over HTTP on real PostgreSQL and Kafka, with the clock moved across the Mid-Autumn and National
 * Day holidays of 2026: the one-time supplement rule, suspensions stopping the clock, illegal transitions, the 80%
 * warning and the overdue event raised once each, and what supervisors see of it.
 */
class WorkflowIT extends RunningApproval {

    static final RequestPostProcessor LI = reviewer("SAMR", "li.samr");
    static final RequestPostProcessor HEAD = head("SAMR", "head.samr");

    @Autowired
    DeadlineWatch deadlines;

    JsonNode view(String number) throws Exception {
        return json.readTree(mvc.perform(get(CASES + number).with(LI))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    static final String SUPPLEMENT = """
            {"materials": [{"code": "FOOD_SAFETY_PLAN", "description": "缺少食品安全管理制度的签章页"}],
             "reason": "材料不完整"}""";

    @Test
    void aSecondSupplementNeedsTheHeadsApprovalAndIsFlagged() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        act(number, "start-review", LI, null).andExpect(status().isOk());

        act(number, "supplement-requests", LI, SUPPLEMENT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPPLEMENT_REQUESTED"))
                .andExpect(jsonPath("$.clock.running").value(false));
        clock.setDay("2026-09-24");
        act(number, "resume", LI, "{\"note\": \"补正材料已收到\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplements[0].receivedAt").isNotEmpty());

        // the second request without a head's approval is refused
        act(number, "supplement-requests", LI, SUPPLEMENT)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "second-supplement-not-approved"));
        // a reviewer cannot approve it, a head must, with a reason
        act(number, "second-supplement-approval", LI, "{\"reason\": \"x\"}").andExpect(status().isForbidden());
        act(number, "second-supplement-approval", HEAD, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
        act(number, "second-supplement-approval", HEAD, "{\"reason\": \"申请人变更了经营场所\"}")
                .andExpect(status().isOk());

        act(number, "supplement-requests", LI, SUPPLEMENT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supplements[1].requestNumber").value(2))
                .andExpect(jsonPath("$.supplements[1].flagged").value(true))
                .andExpect(jsonPath("$.supplements[1].secondApprovedBy").value("head.samr"));
        act(number, "resume", LI, null).andExpect(status().isOk());
        act(number, "supplement-requests", LI, SUPPLEMENT)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "supplements-exhausted"));

        // supervision counts it
        mvc.perform(get("/api/approval/supervision/statistics")
                        .param("from", "2026-09-01")
                        .param("to", "2026-12-31")
                        .param("department", "SAMR")
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[0].departmentCode").value("SAMR"))
                .andExpect(jsonPath("$.departments[0].secondSupplements")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/approval/supervision/statistics").with(HEAD)).andExpect(status().isForbidden());

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    seen -> ApprovalTopic.count(seen, ".case.supplement-requested.v1") == 2,
                    Duration.ofSeconds(60));
            var second = records.stream()
                    .filter(r -> r.type().endsWith(".case.supplement-requested.v1"))
                    .filter(r -> r.event().get("data").get("requestNumber").asInt() == 2)
                    .findFirst()
                    .orElseThrow();
            assertThat(second.event().get("data").get("flagged").asBoolean()).isTrue();
            assertThat(second.event().get("data").get("secondApprovalReason").asString())
                    .isEqualTo("申请人变更了经营场所");
            records.forEach(r -> assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                    .as(r.body())
                    .isEmpty());
        }
    }

    @Test
    void aSuspensionStopsTheClockAndMovesTheDueDateByExactlyTheSuspendedWorkingDays() throws Exception {
        // accepted Wed 23 Sep: 5 working days -> Thu 8 Oct (Mid-Autumn 25-27 Sep, National Day 1-7 Oct)
        String number = foodLicenceAcceptedOn("2026-09-23");
        clock.setDay("2026-09-24");
        act(number, "start-review", LI, null)
                .andExpect(jsonPath("$.clock.dueDate").value("2026-10-08"))
                .andExpect(jsonPath("$.clock.workingDaysUsed").value(1))
                .andExpect(jsonPath("$.clock.workingDaysLeft").value(4));

        // only the step's own special procedures
        act(
                        number,
                        "suspensions",
                        LI,
                        "{\"procedure\": \"EXPERT_REVIEW\", \"expectedWorkingDays\": 3, \"reason\": \"x\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "procedure-not-in-step"));

        clock.setDay("2026-09-29");
        act(number, "suspensions", LI, """
                        {"procedure": "SITE_INSPECTION", "expectedWorkingDays": 3, "reason": "现场核查经营场所"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.clock.running").value(false))
                .andExpect(jsonPath("$.pauses[0].expectedEnd").value("2026-10-09"));

        // across National Day the days used stand still
        clock.setDay("2026-10-08");
        assertThat(view(number).get("clock").get("workingDaysUsed").asInt()).isEqualTo(3);
        act(number, "approve", LI, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "illegal-transition"))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.allowedActions", hasItem("resume")));

        // resumed Fri 9 Oct: Wed 30 Sep, Thu 8 and Fri 9 Oct not counted -> due date 3 working days later
        clock.setDay("2026-10-09");
        act(number, "resume", LI, "{\"note\": \"核查完毕\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.clock.suspendedWorkingDays").value(3))
                .andExpect(jsonPath("$.clock.dueDate").value("2026-10-12")) // Fri 9, Sat 10 (make-up day), Mon 12
                .andExpect(jsonPath("$.clock.workingDaysUsed").value(3))
                .andExpect(jsonPath("$.pauses[0].workingDays").value(3));

        // decisions come at the decision step, and a rejection needs its legal basis
        act(number, "approve", LI, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-at-decision-step"));
        act(number, "advance", LI, null).andExpect(jsonPath("$.step").value("DECIDE"));
        act(number, "reject", LI, "{\"reason\": \"经营场所不符合要求\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("legalBasis")));
        act(number, "reject", LI, """
                        {"reason": "经营场所不符合要求", "legalBasis": "《食品经营许可和备案管理办法》第十五条"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decision.onTime").value(true))
                .andExpect(jsonPath("$.decision.certificateNumber").doesNotExist());
        act(number, "resume", LI, null).andExpect(status().isConflict());

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    seen -> ApprovalTopic.count(seen, ".case.decided.v1") == 1,
                    Duration.ofSeconds(60));
            var resumed = records.stream()
                    .filter(r -> r.type().endsWith(".case.resumed.v1"))
                    .findFirst()
                    .orElseThrow()
                    .event()
                    .get("data");
            assertThat(resumed.get("pause").asString()).isEqualTo("SITE_INSPECTION");
            assertThat(resumed.get("pausedWorkingDays").asInt()).isEqualTo(3);
            assertThat(resumed.get("clock").get("dueDate").asString()).isEqualTo("2026-10-12");
            var suspended = records.stream()
                    .filter(r -> r.type().endsWith(".case.suspended.v1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(suspended.event().get("data").get("procedure").asString())
                    .isEqualTo("SITE_INSPECTION");
        }
        mvc.perform(get("/api/approval/supervision/statistics")
                        .param("from", "2026-09-01")
                        .param("to", "2026-12-31")
                        .param("department", "SAMR")
                        .with(supervisor()))
                .andExpect(jsonPath("$.departments[0].suspensions.SITE_INSPECTION")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void theWarningAndTheOverdueEventAreRaisedOnceEach() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-23");

        clock.setDay("2026-09-29"); // 3 of 5 days used
        assertThat(deadlines.check()).doesNotContain(number + ":WARNING", number + ":OVERDUE");

        clock.setDay("2026-09-30"); // 4 of 5: 80%
        assertThat(deadlines.check()).contains(number + ":WARNING").doesNotContain(number + ":OVERDUE");
        assertThat(deadlines.check()).doesNotContain(number + ":WARNING");
        mvc.perform(get(CASES + "overdue").with(HEAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", hasItem(number)));
        mvc.perform(get(CASES + "overdue").with(LI)).andExpect(status().isForbidden());

        clock.setDay("2026-10-08"); // the due date itself: still on time
        assertThat(deadlines.check()).doesNotContain(number + ":OVERDUE");
        clock.setDay("2026-10-09"); // past it
        assertThat(deadlines.check()).contains(number + ":OVERDUE").doesNotContain(number + ":WARNING");
        assertThat(deadlines.check()).doesNotContain(number + ":OVERDUE");
        clock.setDay("2026-10-20");
        assertThat(deadlines.check()).doesNotContain(number + ":OVERDUE", number + ":WARNING");

        assertThat(view(number).get("clock").get("overdue").asBoolean()).isTrue();
        assertThat(view(number).get("clock").get("workingDaysLeft").asInt()).isNegative();
        mvc.perform(get("/api/approval/supervision/statistics")
                        .param("department", "SAMR")
                        .param("from", "2026-01-01")
                        .param("to", "2026-12-31")
                        .with(supervisor()))
                .andExpect(
                        jsonPath("$.departments[0].overdueNow").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        // a late decision is recorded as late; the events: one warning, one overdue, then the decision
        act(number, "start-review", LI, null).andExpect(status().isOk());
        act(number, "advance", LI, null).andExpect(status().isOk());
        act(number, "approve", LI, null)
                .andExpect(jsonPath("$.decision.onTime").value(false))
                .andExpect(jsonPath("$.decision.certificateNumber").isNotEmpty());
        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(number),
                    seen -> ApprovalTopic.count(seen, ".certificate.issued.v1") == 1,
                    Duration.ofSeconds(60));
            assertThat(ApprovalTopic.count(records, ".case.warning.v1")).isEqualTo(1);
            assertThat(ApprovalTopic.count(records, ".case.overdue.v1")).isEqualTo(1);
            var warning = records.stream()
                    .filter(r -> r.type().endsWith(".case.warning.v1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(warning.event()
                            .get("data")
                            .get("clock")
                            .get("workingDaysUsed")
                            .asInt())
                    .isEqualTo(4);
            assertThat(warning.event().get("data").get("escalatedTo").toString())
                    .contains("department-head", "supervisor");
            records.forEach(r -> assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                    .as(r.body())
                    .isEmpty());
        }
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where case_number = ? and action in ('WARNED', 'OVERDUE')")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theQueueListsTheCasesOpenedSinceAnInstantInTheOrderTheyArrived() throws Exception {
        // a day no other test uses, so that only this test's cases are that recent
        Instant before = Instant.parse("2031-03-04T02:00:00Z");
        clock.set(before);
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", before));
        Instant since = before.plusSeconds(1);
        clock.set(since);
        String first = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(first, Fixtures.FOOD, "SAMR", since));
        clock.set(since.plusSeconds(2));
        String second = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(second, Fixtures.SEAL, "PSB", since));
        clock.set(since.plusSeconds(3));
        String third = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(third, Fixtures.FOOD, "SAMR", since));

        // SAMR's reviewer sees SAMR's arrivals from that instant on, oldest first, each with its opening time
        mvc.perform(get("/api/approval/cases").param("since", since.toString()).with(LI))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].number").value(first + "-01"))
                .andExpect(jsonPath("$[0].openedAt").value(since.toString()))
                .andExpect(jsonPath("$[1].number").value(third + "-01"));
        // pages follow the arrival order; PSB sees only its own arrival
        mvc.perform(get("/api/approval/cases")
                        .param("since", since.toString())
                        .param("page", "1")
                        .param("size", "1")
                        .with(LI))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].number").value(third + "-01"));
        mvc.perform(get("/api/approval/cases").param("since", since.toString()).with(reviewer("PSB", "zhao.psb")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].number").value(second + "-01"));
        // an instant that is not one is refused with a problem
        mvc.perform(get("/api/approval/cases").param("since", "yesterday").with(LI))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * Intake's acceptance is the one source of a case's department, region and promised days (the contract says so):
     * approval keeps them even where its own catalog copy says otherwise (the food licence promises 5 days and
     * belongs to SAMR there).
     */
    @Test
    void theAcceptanceDecidesDepartmentAndPromisedDaysNotTheCatalogCopy() throws Exception {
        clock.setDay("2026-09-22");
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "HSA", clock.instant(), 7));

        mvc.perform(get(CASES + app + "-01").with(LI)).andExpect(status().isNotFound());
        var view = json.readTree(mvc.perform(get(CASES + app + "-01").with(reviewer("HSA", "qian.hsa")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(view.path("departmentCode").asString()).isEqualTo("HSA");
        assertThat(view.path("clock").path("promisedWorkingDays").asInt()).isEqualTo(7);
        assertThat(jdbc.sql("select region from approval_case where number = ?")
                        .param(app + "-01")
                        .query(String.class)
                        .single())
                .isEqualTo("330000");
        // the procedure still comes from the catalog copy: the food licence's review allows a site inspection
        assertThat(view.path("steps").get(0).path("specialProcedures").get(0).asString())
                .isEqualTo("SITE_INSPECTION");
    }

    @Test
    void aWithdrawalFromIntakeClosesTheCases() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        String app = number.substring(0, number.length() - 3);
        act(number, "start-review", LI, null).andExpect(status().isOk());

        var withdrawn = Fixtures.intakeEvent(
                ApplicationWithdrawn.TYPE,
                app,
                new ApplicationWithdrawn(app, "不再开办", java.util.List.of(number), "applicant", Instant.now()));
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(withdrawn.type()), json.writeValueAsString(withdrawn)))
                .isEmpty();
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(), "runonce.intake.v1", java.util.List.of(withdrawn));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "WITHDRAWN".equals(view(number).get("status").asString()));
        act(number, "advance", LI, null).andExpect(status().isConflict());
        assertThat(view(number).get("clock").get("running").asBoolean()).isFalse();
    }

    @Test
    void aSupplementHandedInAtIntakeResumesTheCase() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        String app = number.substring(0, number.length() - 3);
        act(number, "start-review", LI, null).andExpect(status().isOk());
        act(number, "supplement-requests", LI, SUPPLEMENT).andExpect(status().isOk());
        clock.setDay("2026-09-24");

        String document = java.util.UUID.randomUUID().toString();
        var supplied = Fixtures.intakeEvent(
                ApplicationMaterialsSupplied.TYPE,
                app,
                new ApplicationMaterialsSupplied(
                        app,
                        java.util.List.of(new ApplicationMaterialsSupplied.CaseMaterials(
                                number,
                                java.util.List.of(new MaterialReference("FOOD_SAFETY_PLAN", document, null, null)))),
                        java.util.List.of(),
                        Instant.now()));
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(supplied.type()), json.writeValueAsString(supplied)))
                .isEmpty();
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), "runonce.intake.v1", java.util.List.of(supplied));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "IN_REVIEW".equals(view(number).get("status").asString()));

        var c = view(number);
        assertThat(c.get("materials").findValuesAsString("documentId")).contains(document);
        // requested Tue 22, handed in Thu 24: Wed 23 and Thu 24 do not count
        assertThat(c.get("clock").get("suspendedWorkingDays").asInt()).isEqualTo(2);
        assertThat(c.get("clock").get("workingDaysUsed").asInt()).isZero();
        assertThat(c.get("supplements").get(0).get("receivedAt").isNull()).isFalse();
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
