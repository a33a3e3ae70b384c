package org.runonce.approval.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Department rankings for July 2026 (no holiday in it) with figures checked by hand: department A decides both its
 * cases on time, B one of two (the other passes its promised time on 14 July and is decided late); their ratings,
 * visits, overdue cases and open accountability records come from their own cases and intake's events.
 */
class RankingsIT extends RunningApproval {

    @Autowired
    ApplicationContext context;

    @Test
    void departmentsAreRankedByOnTimeRateWithSatisfactionVisitsOverdueAndOpenRecords() throws Exception {
        String a = "RKA" + letters();
        String b = "RKB" + letters();
        clock.setDay("2026-07-06"); // Monday: five working days make Monday 13 July the due date
        String a1 = open(a);
        String a2 = open(a);
        String b1 = open(b);
        String b2 = open(b);
        clock.setDay("2026-07-07");
        decide(a1, a);
        decide(a2, a);
        decide(b1, b);
        clock.setDay("2026-07-14");
        assertThat(deadlineRound()).contains(b2 + ":OVERDUE");
        clock.setDay("2026-07-15");
        decide(b2, b);

        var events = new ArrayList<CloudEvent<?>>();
        events.add(rated(a1, 5, a, null));
        events.add(rated(a2, 4, a, null));
        events.add(rated(b1, 2, b, LocalDate.parse("2026-07-27")));
        events.add(rated(b2, 4, b, null));
        // B follows its bad rating up in time: no record for it
        String b1App = application(b1);
        events.add(Fixtures.intakeEvent(
                ApplicationRatingFollowedUp.TYPE,
                b1App,
                new ApplicationRatingFollowedUp(b1App, b, "head.b", "已回访", Instant.parse("2026-07-21T02:00:00Z"))));
        events.add(completed(a1, a, 1));
        events.add(completed(a2, a, 2));
        events.add(completed(b1, b, 3));
        events.add(events.getLast()); // redelivered: counted once
        for (var event : events) {
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), json.writeValueAsString(event)))
                    .as(event.type())
                    .isEmpty();
        }
        Fixtures.send(LocalInfrastructure.kafka().bootstrapServers(), Topics.INTAKE, events);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql(
                                        "select (select count(*) from department_rating where department_code in (?, ?)"
                                                + " and (rating > 2 or followed_up_at is not null))"
                                                + " + (select count(*) from application_visits where department_code in (?, ?))")
                                .params(a, b, a, b)
                                .query(Long.class)
                                .single()
                        == 7);

        JsonNode ranking = getJson("/api/approval/supervision/rankings?from=2026-07-01&to=2026-07-31", supervisor());
        assertThat(ranking.get("from").asString()).isEqualTo("2026-07-01");
        JsonNode ra = row(ranking, a);
        JsonNode rb = row(ranking, b);
        // A: 2 decided, 2 on time; ratings 5 and 4; visits 1 and 2; nothing overdue, no record
        assertThat(ra.get("decided").asLong()).isEqualTo(2);
        assertThat(ra.get("decidedOnTime").asLong()).isEqualTo(2);
        assertThat(ra.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(ra.get("ratings").asLong()).isEqualTo(2);
        assertThat(ra.get("averageRating").asDouble()).isEqualTo(4.5);
        assertThat(ra.get("badRatingShare").asDouble()).isEqualTo(0.0);
        assertThat(ra.get("completedApplications").asLong()).isEqualTo(2);
        assertThat(ra.get("visitsPerApplication").asDouble()).isEqualTo(1.5);
        assertThat(ra.get("overdue").asLong()).isZero();
        assertThat(ra.get("openAccountabilityRecords").asLong()).isZero();
        // B: 2 decided, 1 on time; ratings 2 and 4; one application of 3 visits; one overdue case and its record
        assertThat(rb.get("decided").asLong()).isEqualTo(2);
        assertThat(rb.get("decidedOnTime").asLong()).isEqualTo(1);
        assertThat(rb.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(rb.get("ratings").asLong()).isEqualTo(2);
        assertThat(rb.get("averageRating").asDouble()).isEqualTo(3.0);
        assertThat(rb.get("badRatingShare").asDouble()).isEqualTo(0.5);
        assertThat(rb.get("completedApplications").asLong()).isEqualTo(1);
        assertThat(rb.get("visitsPerApplication").asDouble()).isEqualTo(3.0);
        assertThat(rb.get("overdue").asLong()).isEqualTo(1);
        assertThat(rb.get("openAccountabilityRecords").asLong()).isEqualTo(1);
        // ranks: a full on-time rate shares rank 1; B comes after every department with a better rate
        long better = 0;
        for (JsonNode d : ranking.get("departments")) {
            if (!d.get("onTimeRate").isNull() && d.get("onTimeRate").asDouble() > 0.5) {
                better++;
            }
        }
        assertThat(ra.get("rank").asInt()).isEqualTo(1);
        assertThat(rb.get("rank").asLong()).isEqualTo(better + 1);
        List<String> order = new ArrayList<>();
        ranking.get("departments")
                .forEach(d -> order.add(d.get("departmentCode").asString()));
        assertThat(order.indexOf(a)).isLessThan(order.indexOf(b));

        // June holds none of it
        JsonNode june = getJson("/api/approval/supervision/rankings?from=2026-06-01&to=2026-06-30", supervisor());
        june.get("departments")
                .forEach(d -> assertThat(d.get("departmentCode").asString()).isNotIn(a, b));

        mvc.perform(get("/api/approval/supervision/rankings").with(head(a, "head.a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/approval/supervision/rankings").with(reviewer(a, "r.a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/approval/supervision/rankings?from=2026-07-31&to=2026-07-01")
                        .with(supervisor()))
                .andExpect(status().isUnprocessableContent());
    }

    private String open(String department) {
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, department, clock.instant()));
        return app + "-01";
    }

    private void decide(String number, String department) throws Exception {
        var who = reviewer(department, "r." + department.toLowerCase());
        act(number, "start-review", who, null).andExpect(status().isOk());
        act(number, "advance", who, null).andExpect(status().isOk());
        act(number, "reject", who, """
                        {"reason": "经营场所不符合要求", "legalBasis": "《食品经营许可和备案管理办法》第十五条"}""").andExpect(status().isOk());
    }

    private CloudEvent<ApplicationEvaluated> rated(String number, int rating, String department, LocalDate due) {
        String app = application(number);
        return Fixtures.intakeEvent(
                ApplicationEvaluated.TYPE,
                app,
                new ApplicationEvaluated(
                        app, rating, null, List.of(department), due, Instant.parse("2026-07-20T02:00:00Z")));
    }

    /**
     * Intake's completed event as it is on the wire (a map, so that members intake adds later need no change here),
     * with the visits it counted.
     */
    private CloudEvent<Map<String, Object>> completed(String number, String department, int visits) {
        String app = application(number);
        var completed = new ApplicationCompleted(
                app,
                List.of(new ApplicationCompleted.CaseOutcome(number, Fixtures.FOOD, department, "REJECTED", null)),
                Fixtures.applicant(),
                Instant.parse("2026-07-16T02:00:00Z"));
        Map<String, Object> data =
                new LinkedHashMap<>(json.convertValue(completed, new TypeReference<Map<String, Object>>() {}));
        data.put("visits", visits);
        return Fixtures.intakeEvent(ApplicationCompleted.TYPE, app, data);
    }

    private static String application(String caseNumber) {
        return caseNumber.substring(0, caseNumber.length() - 3);
    }

    private static JsonNode row(JsonNode ranking, String department) {
        for (JsonNode d : ranking.get("departments")) {
            if (d.get("departmentCode").asString().equals(department)) {
                return d;
            }
        }
        throw new AssertionError(department + " not ranked: " + ranking);
    }

    /** One round of the cases' deadline watch (package-private there; called as the scheduler would). */
    @SuppressWarnings("unchecked")
    private List<String> deadlineRound() {
        try {
            Object watch = context.getBean(Class.forName("org.runonce.approval.cases.DeadlineWatch"));
            var check = watch.getClass().getDeclaredMethod("check");
            check.setAccessible(true);
            return (List<String>) check.invoke(watch);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String letters() {
        var random = ThreadLocalRandom.current();
        var code = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }
}
