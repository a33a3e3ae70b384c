package org.runonce.approval.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.runonce.approval.Tokens.applicant;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accountability records (问责记录) opened by each trigger with its clock, once each (events redelivered, jobs run
 * twice and by two instances at once), seen only by their department and supervisors, resolved by the department's
 * head (another department's head: 404).
 */
class AccountabilityIT extends RunningApproval {

    static final RequestPostProcessor LI = reviewer("SAMR", "li.samr");
    static final RequestPostProcessor HEAD = head("SAMR", "head.samr");
    static final RequestPostProcessor PSB_HEAD = head("PSB", "head.psb");
    static final RequestPostProcessor PSB_REVIEWER = reviewer("PSB", "zhao.psb");
    static final String RECORDS = "/api/approval/accountability";

    @Autowired
    RatingFollowUpWatch followUps;

    @Autowired
    OpeningRecords openingRecords;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    /** One round of the cases' deadline watch (package-private there; called as the scheduler would). */
    @SuppressWarnings("unchecked")
    List<String> deadlineRound() {
        try {
            Object watch = context.getBean(Class.forName("org.runonce.approval.cases.DeadlineWatch"));
            var check = watch.getClass().getDeclaredMethod("check");
            check.setAccessible(true);
            return (List<String>) check.invoke(watch);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOverdueCaseAcrossTheNationalHolidayOpensOneRecordThatOnlyItsDepartmentsHeadResolves() throws Exception {
        // accepted Tuesday 29 September: 30 Sep (1), holiday 1-7 Oct, 8 (2), 9 (3), Saturday 10 (make-up day, 4),
        // Monday 12 (5) is the due date
        String number = foodLicenceAcceptedOn("2026-09-29");
        clock.setDay("2026-10-09");
        assertThat(deadlineRound()).doesNotContain(number + ":OVERDUE");
        clock.setDay("2026-10-10");
        assertThat(deadlineRound()).contains(number + ":WARNING");
        clock.setDay("2026-10-12"); // the due date itself: on time
        assertThat(deadlineRound()).doesNotContain(number + ":OVERDUE");
        assertThat(records(Rule.CASE_OVERDUE, number)).isZero();

        clock.setDay("2026-10-13");
        assertThat(deadlineRound()).contains(number + ":OVERDUE");
        assertThat(deadlineRound()).doesNotContain(number + ":OVERDUE"); // the job run twice
        // the case's overdue event to the listener once more (as if raised again): still one record
        String app = number.substring(0, number.length() - 3);
        var again = new CaseOverdue(
                new CaseHeader(
                        app,
                        number,
                        Fixtures.FOOD,
                        1,
                        "SAMR",
                        "PENDING",
                        "ACCEPT",
                        null,
                        "system",
                        new CaseClock(
                                5,
                                LocalDate.parse("2026-09-29"),
                                LocalDate.parse("2026-10-12"),
                                6,
                                -1,
                                0,
                                true,
                                true,
                                true)),
                clock.instant(),
                List.of("department-head", "supervisor"));
        transactions.executeWithoutResult(tx -> openingRecords.on(
                CloudEvent.of("again-" + number, "/runonce/approval", CaseOverdue.TYPE, clock.instant(), number, again)
                        .inDepartment("SAMR")));
        assertThat(records(Rule.CASE_OVERDUE, number)).isEqualTo(1);

        long id = recordId(Rule.CASE_OVERDUE, number);
        mvc.perform(get(RECORDS + "/" + id).with(HEAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("CASE_OVERDUE"))
                .andExpect(jsonPath("$.caseNumber").value(number))
                .andExpect(jsonPath("$.department").value("SAMR"))
                .andExpect(jsonPath("$.owner").value("department-head"))
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.facts").value(containsString("due 2026-10-12")))
                .andExpect(jsonPath("$.occurredAt").value(startsWith("2026-10-1")));
        mvc.perform(get(RECORDS + "/" + id).with(LI)).andExpect(status().isOk());

        // another department: not found, and not listed even when it asks for SAMR's
        mvc.perform(get(RECORDS + "/" + id).with(PSB_HEAD)).andExpect(status().isNotFound());
        mvc.perform(get(RECORDS + "/" + id).with(PSB_REVIEWER)).andExpect(status().isNotFound());
        mvc.perform(get(RECORDS).param("department", "SAMR").with(PSB_HEAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(get(RECORDS).with(PSB_HEAD)).andExpect(jsonPath("$[*].department", not(hasItem("SAMR"))));
        mvc.perform(get(RECORDS).with(HEAD)).andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(get(RECORDS).with(applicant("applicant-1"))).andExpect(status().isForbidden());

        // resolution: not by another department's head, not by a reviewer, once by the department's head
        String explanation = "{\"explanation\": \"审查人员病假未交接，已设AB岗\"}";
        mvc.perform(resolve(id, explanation).with(PSB_HEAD)).andExpect(status().isNotFound());
        mvc.perform(resolve(id, explanation).with(LI)).andExpect(status().isForbidden());
        mvc.perform(resolve(id, "{\"explanation\": \" \"}").with(HEAD)).andExpect(status().isBadRequest());
        mvc.perform(resolve(id, explanation).with(HEAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RESOLVED"))
                .andExpect(jsonPath("$.resolution.resolvedBy").value("head.samr"))
                .andExpect(jsonPath("$.resolution.explanation").value("审查人员病假未交接，已设AB岗"));
        mvc.perform(resolve(id, explanation).with(HEAD))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "accountability-record-resolved"));

        // supervisors: every department, filtered by department, state and period
        mvc.perform(get(RECORDS)
                        .param("department", "SAMR")
                        .param("state", "RESOLVED")
                        .param("from", "2026-10-13")
                        .param("to", "2026-10-13")
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$[*].department", not(hasItem("PSB"))));
        mvc.perform(get(RECORDS)
                        .param("state", "OPEN")
                        .param("department", "SAMR")
                        .with(supervisor()))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(get(RECORDS)
                        .param("from", "2026-10-14")
                        .param("department", "SAMR")
                        .with(supervisor()))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));

        // the facts cannot be rewritten, not even by the service's own role
        assertThat(catchThrowable(() -> jdbc.sql("update accountability_record set explanation = 'x' where id = ?")
                        .param(id)
                        .update()))
                .isNotNull();
    }

    @Test
    void aSecondSupplementOpensOneRecord() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        act(number, "start-review", LI, null).andExpect(status().isOk());
        act(number, "supplement-requests", LI, SUPPLEMENT).andExpect(status().isOk());
        assertThat(records(Rule.SECOND_SUPPLEMENT, number)).isZero(); // the first one is the rule
        clock.setDay("2026-09-24");
        act(number, "resume", LI, null).andExpect(status().isOk());
        act(number, "second-supplement-approval", HEAD, "{\"reason\": \"申请人变更了经营场所\"}")
                .andExpect(status().isOk());
        act(number, "supplement-requests", LI, SUPPLEMENT).andExpect(status().isOk());
        assertThat(records(Rule.SECOND_SUPPLEMENT, number)).isEqualTo(1);
        mvc.perform(get(RECORDS).param("rule", "SECOND_SUPPLEMENT").with(HEAD))
                .andExpect(jsonPath("$[?(@.subject == '" + number + "')].facts")
                        .value(hasItem(containsString("approved by head.samr"))));
        mvc.perform(get(RECORDS).param("rule", "SECOND_SUPPLEMENT").with(PSB_REVIEWER))
                .andExpect(jsonPath("$[?(@.subject == '" + number + "')]").isEmpty());
    }

    @Test
    void aBadRatingNotFollowedUpByItsDueDateOpensOneRecordPerDepartmentAcrossTwoInstances() throws Exception {
        clock.setDay("2026-10-09");
        String app = Fixtures.newApplicationNumber();
        String late = Fixtures.newApplicationNumber();
        // rated 2 on Friday 9 October, 3 working days to follow up: Saturday 10 (make-up day), 12, 13
        var rated = Fixtures.intakeEvent(
                ApplicationEvaluated.TYPE,
                app,
                new ApplicationEvaluated(
                        app, 2, "跑了两次", List.of("SAMR", "PSB"), LocalDate.parse("2026-10-13"), clock.instant()));
        var ratedLate = Fixtures.intakeEvent(
                ApplicationEvaluated.TYPE,
                late,
                new ApplicationEvaluated(
                        late, 1, null, List.of("SAMR"), LocalDate.parse("2026-10-13"), clock.instant()));
        // PSB follows up in time, SAMR does not; the other application is followed up after its due date
        var psbInTime = Fixtures.intakeEvent(
                ApplicationRatingFollowedUp.TYPE,
                app,
                new ApplicationRatingFollowedUp(
                        app, "PSB", "head.psb", "已电话回访并致歉", Instant.parse("2026-10-12T02:00:00Z")));
        var samrLate = Fixtures.intakeEvent(
                ApplicationRatingFollowedUp.TYPE,
                late,
                new ApplicationRatingFollowedUp(
                        late, "SAMR", "head.samr", "上门回访", Instant.parse("2026-10-14T02:00:00Z")));
        for (var event : List.of(rated, ratedLate, psbInTime, samrLate)) {
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), json.writeValueAsString(event)))
                    .as(event.type())
                    .isEmpty();
        }
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(),
                Topics.INTAKE,
                List.of(rated, rated, ratedLate, psbInTime, samrLate, psbInTime)); // some redelivered
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from department_rating where application_number in (?, ?)"
                                        + " and (followed_up_at is not null or department_code = 'SAMR')")
                                .params(app, late)
                                .query(Integer.class)
                                .single()
                        == 3);
        // the late follow-up opened its record when it came
        assertThat(records(Rule.RATING_NOT_FOLLOWED_UP, late)).isEqualTo(1);

        clock.setDay("2026-10-13"); // the due date itself
        assertThat(followUps.check()).doesNotContain(app + ":SAMR", app + ":PSB");
        clock.setDay("2026-10-14");
        var together = concurrently(followUps::check);
        List<String> opened = new ArrayList<>(together.get(0));
        opened.addAll(together.get(1));
        assertThat(opened).containsOnlyOnce(app + ":SAMR").doesNotContain(app + ":PSB", late + ":SAMR");
        assertThat(followUps.check()).doesNotContain(app + ":SAMR"); // and run again
        assertThat(records(Rule.RATING_NOT_FOLLOWED_UP, app)).isEqualTo(1);
        assertThat(records(Rule.RATING_NOT_FOLLOWED_UP, late)).isEqualTo(1);
        assertThat(jdbc.sql("select department_code from accountability_record where rule = ? and subject = ?")
                        .params(Rule.RATING_NOT_FOLLOWED_UP.name(), app)
                        .query(String.class)
                        .single())
                .isEqualTo("SAMR");

        long id = recordId(Rule.RATING_NOT_FOLLOWED_UP, app);
        mvc.perform(get(RECORDS + "/" + id).with(HEAD))
                .andExpect(jsonPath("$.facts").value(containsString("due by 2026-10-13")))
                .andExpect(jsonPath("$.occurredAt").value("2026-10-13T16:00:00Z")); // 14 October in Shanghai
        mvc.perform(get(RECORDS + "/" + id).with(PSB_HEAD)).andExpect(status().isNotFound());
    }

    @Test
    void aWithdrawalWithoutTheApplicantsConfirmationOpensOneRecordAConfirmedOrUnrecordedOneNone() throws Exception {
        String unconfirmed = foodLicenceAcceptedOn("2026-09-22");
        String confirmed = foodLicenceAcceptedOn("2026-09-22");
        String unrecorded = foodLicenceAcceptedOn("2026-09-22");
        var events = new ArrayList<CloudEvent<ApplicationWithdrawn>>();
        for (var c : List.of(
                new Object[] {unconfirmed, Boolean.FALSE},
                new Object[] {confirmed, Boolean.TRUE},
                new Object[] {unrecorded, null})) {
            String number = (String) c[0];
            String app = number.substring(0, number.length() - 3);
            var withdrawn = Fixtures.intakeEvent(
                    ApplicationWithdrawn.TYPE,
                    app,
                    new ApplicationWithdrawn(
                            app, "材料退回", List.of(number), "clerk.wang", clock.instant(), (Boolean) c[1]));
            assertThat(EventSchemas.violations(
                            EventSchemas.schemaOf(withdrawn.type()), json.writeValueAsString(withdrawn)))
                    .isEmpty();
            events.add(withdrawn);
        }
        events.add(events.getFirst()); // redelivered
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, events);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql(
                                        "select count(*) from approval_case where number in (?, ?, ?) and status = 'WITHDRAWN'")
                                .params(unconfirmed, confirmed, unrecorded)
                                .query(Integer.class)
                                .single()
                        == 3);
        String app = unconfirmed.substring(0, unconfirmed.length() - 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> records(Rule.WITHDRAWN_WITHOUT_CONFIRMATION, app) == 1);
        assertThat(records(Rule.WITHDRAWN_WITHOUT_CONFIRMATION, confirmed.substring(0, confirmed.length() - 3)))
                .isZero();
        assertThat(records(Rule.WITHDRAWN_WITHOUT_CONFIRMATION, unrecorded.substring(0, unrecorded.length() - 3)))
                .isZero();
        long id = recordId(Rule.WITHDRAWN_WITHOUT_CONFIRMATION, app);
        mvc.perform(get(RECORDS + "/" + id).with(supervisor()))
                .andExpect(jsonPath("$.caseNumber").value(unconfirmed))
                .andExpect(jsonPath("$.facts").value(containsString("clerk.wang")));
        mvc.perform(get(RECORDS + "/" + id).with(PSB_REVIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void anOverduePledgedSupplementOpensOneRecordForTheCasesDepartment() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        String app = number.substring(0, number.length() - 3);
        var overdue = Fixtures.intakeEvent(
                ApplicationPledgeOverdue.TYPE,
                app,
                new ApplicationPledgeOverdue(
                        app,
                        java.time.LocalDate.parse("2026-09-29"),
                        List.of("PREMISES_PROOF"),
                        List.of(number),
                        Fixtures.applicant(),
                        clock.instant()));
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(overdue.type()), json.writeValueAsString(overdue)))
                .isEmpty();
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, List.of(overdue, overdue));
        await().atMost(Duration.ofSeconds(60)).until(() -> records(Rule.SUPPLEMENT_OVERDUE, app) == 1);
        long id = recordId(Rule.SUPPLEMENT_OVERDUE, app);
        mvc.perform(get(RECORDS + "/" + id).with(HEAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(number))
                .andExpect(jsonPath("$.facts").value(containsString("PREMISES_PROOF")));
        mvc.perform(get(RECORDS + "/" + id).with(PSB_HEAD)).andExpect(status().isNotFound());
        assertThat(records(Rule.SUPPLEMENT_OVERDUE, app)).isEqualTo(1);
    }

    @Test
    void theApiDocumentDescribesRecordsResolutionsAndRankingsWithAnExampleOfTheResolution() throws Exception {
        var api = getJson("/api/approval/v3/api-docs", null);
        var paths = api.get("paths");
        assertThat(paths.get(RECORDS).get("get").get("description").asString()).contains("Supervisors");
        assertThat(paths.get(RECORDS + "/{id}").get("get").get("summary").asString())
                .isNotBlank();
        var resolve = paths.get(RECORDS + "/{id}/resolution").get("post");
        assertThat(resolve.get("description").asString()).contains("404");
        var schema = api.get("components").get("schemas").get("AccountabilityResolutionRequest");
        assertThat(schema.get("properties").get("explanation").get("example").asString())
                .contains("AB岗");
        assertThat(schema.get("required").toString()).contains("explanation");
        var rankings = paths.get("/api/approval/supervision/rankings").get("get");
        assertThat(rankings.get("description").asString()).contains("on time", "visits");
    }

    static final String SUPPLEMENT = """
            {"materials": [{"code": "FOOD_SAFETY_PLAN", "description": "缺少食品安全管理制度的签章页"}],
             "reason": "材料不完整"}""";

    private MockHttpServletRequestBuilder resolve(long id, String body) {
        return post(RECORDS + "/" + id + "/resolution")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private int records(Rule rule, String subject) {
        return jdbc.sql("select count(*) from accountability_record where rule = ? and subject = ?")
                .params(rule.name(), subject)
                .query(Integer.class)
                .single();
    }

    private long recordId(Rule rule, String subject) {
        return jdbc.sql("select id from accountability_record where rule = ? and subject = ?")
                .params(rule.name(), subject)
                .query(Long.class)
                .single();
    }

    /** Runs {@code round} in two threads at once, as two instances would. */
    static <T> List<T> concurrently(Supplier<T> round) throws Exception {
        var barrier = new CyclicBarrier(2);
        Supplier<T> atOnce = () -> {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return round.get();
        };
        var first = CompletableFuture.supplyAsync(atOnce);
        var second = CompletableFuture.supplyAsync(atOnce);
        return List.of(first.get(), second.get());
    }
}
