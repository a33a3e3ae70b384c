package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseWarning;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval's warning and overdue events on Kafka reach the case's reviewer and the heads of its department in the
 * staff inbox, once per event although redelivered; nobody else sees them (another reviewer of the department, a
 * reviewer or head of another department, an applicant).
 */
@NotificationIT
class StaffInboxIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    static RequestPostProcessor staff(String username, String department, String role) {
        return jwt().jwt(token -> {
                    // as Keycloak tokens are read: the name is the preferred_username (the mock takes the subject)
                    token.subject(username).claim("preferred_username", username);
                    if (department != null) {
                        token.claim("department", department);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void warningAndOverdueReachTheReviewerAndTheHeadsOfTheCaseDepartmentOnlyOnceEach() throws Exception {
        String dept = "D" + letters();
        String other = "X" + letters();
        String reviewer = "reviewer-" + dept.toLowerCase();
        String number = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String caseNumber = number + "-01";
        var warningClock =
                new CaseClock(5, LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 13), 4, 1, 0, true, true, false);
        var overdueClock =
                new CaseClock(5, LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 13), 6, -1, 0, true, true, true);
        var warning = TestEvents.event(
                "/runonce/approval",
                CaseWarning.TYPE,
                caseNumber,
                dept,
                new CaseWarning(
                        header(number, caseNumber, dept, reviewer, warningClock),
                        Instant.parse("2026-10-12T01:00:00Z"),
                        List.of("department-head", "supervisor")));
        var overdue = TestEvents.event(
                "/runonce/approval",
                CaseOverdue.TYPE,
                caseNumber,
                dept,
                new CaseOverdue(
                        header(number, caseNumber, dept, reviewer, overdueClock),
                        Instant.parse("2026-10-14T01:00:00Z"),
                        List.of("department-head", "supervisor")));
        // an unassigned case of another department: its heads only
        String otherCase = "A-2026-" + UUID.randomUUID().toString().substring(0, 6) + "-01";
        var otherOverdue = TestEvents.event(
                "/runonce/approval",
                CaseOverdue.TYPE,
                otherCase,
                other,
                new CaseOverdue(
                        header(otherCase.substring(0, otherCase.length() - 3), otherCase, other, null, overdueClock),
                        Instant.parse("2026-10-14T01:00:00Z"),
                        List.of("department-head", "supervisor")));
        // what approval publishes, by its contract
        assertThat(EventSchemas.violations("approval/case-warning.v1.schema.json", json.writeValueAsString(warning)))
                .isEmpty();
        assertThat(EventSchemas.violations("approval/case-overdue.v1.schema.json", json.writeValueAsString(overdue)))
                .isEmpty();
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.APPROVAL, warning);
            kafka.send(Topics.APPROVAL, overdue);
            kafka.send(Topics.APPROVAL, warning); // redelivered
            kafka.send(Topics.APPROVAL, overdue); // redelivered
            kafka.send(Topics.APPROVAL, otherOverdue);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("case_number = '" + caseNumber + "'") == 4
                            && count("case_number = '" + otherCase + "'") == 1
                            && processed(overdue.id())
                            && processed(warning.id()));
        }
        assertThat(count("case_number = '" + caseNumber + "'")).isEqualTo(4); // 2 events x (reviewer, heads)

        mvc.perform(get("/api/notifications/staff/inbox").with(staff(reviewer, dept, "reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].kind").value("OVERDUE"))
                .andExpect(jsonPath("$[0].caseNumber").value(caseNumber))
                .andExpect(jsonPath("$[0].toHeads").value(false))
                .andExpect(jsonPath("$[1].kind").value("WARNING"));
        String heads = mvc.perform(
                        get("/api/notifications/staff/inbox").with(staff("head-" + dept, dept, "department-head")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].toHeads").value(true))
                .andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.containsString("due 2026-10-13")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String headsNotice = json.readTree(heads).get(0).get("id").asString();

        // another reviewer of the department, the case's reviewer's name under another department, another head
        mvc.perform(get("/api/notifications/staff/inbox").with(staff("someone-else", dept, "reviewer")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff(reviewer, other, "reviewer")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff("head-" + other, other, "department-head")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].caseNumber").value(otherCase));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff("head-" + dept, null, "department-head")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff(reviewer, dept, "applicant")))
                .andExpect(status().isForbidden());

        // the heads' notice: a reviewer of the department cannot mark it, another department's head neither
        mvc.perform(post("/api/notifications/staff/inbox/" + headsNotice + "/read")
                        .with(staff(reviewer, dept, "reviewer")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/staff/inbox/" + headsNotice + "/read")
                        .with(staff("head-" + other, other, "department-head")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/staff/inbox/" + headsNotice + "/read")
                        .with(staff("head-" + dept, dept, "department-head")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").exists());
    }

    @Test
    void aBadRatingAndAComplaintReachTheHeadsOfTheDepartmentsConcernedOnly() throws Exception {
        String dept = "R" + letters();
        String rated = "S" + letters();
        String other = "T" + letters();
        String bad = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String good = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        var badRating = CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/intake",
                ApplicationEvaluated.TYPE,
                Instant.now(),
                bad,
                new ApplicationEvaluated(
                        bad, 2, "材料被退回三次", List.of(dept, rated), LocalDate.of(2026, 10, 20), Instant.now()));
        var goodRating = CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/intake",
                ApplicationEvaluated.TYPE,
                Instant.now(),
                good,
                new ApplicationEvaluated(good, 5, null, List.of(dept), null, Instant.now()));
        String complaintNumber = "TS-2026-" + UUID.randomUUID().toString().substring(0, 6);
        var complaint = TestEvents.event(
                "/runonce/approval",
                ComplaintFiled.TYPE,
                complaintNumber,
                dept,
                new ComplaintFiled(
                        complaintNumber,
                        "APPLICATION",
                        bad,
                        "ONLINE",
                        true,
                        dept,
                        5,
                        LocalDate.of(2026, 10, 20),
                        Instant.now()));
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.INTAKE, badRating);
            kafka.send(Topics.INTAKE, badRating); // redelivered
            kafka.send(Topics.INTAKE, goodRating);
            kafka.send(Topics.APPROVAL, complaint);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("application_number = '" + bad + "'") == 2
                            && count("title like '%" + complaintNumber + "%'") == 1
                            && processed(goodRating.id()));
        }
        assertThat(count("application_number = '" + good + "'")).isZero(); // a good rating needs no follow-up

        mvc.perform(get("/api/notifications/staff/inbox").with(staff("head-" + dept, dept, "department-head")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].kind", org.hamcrest.Matchers.containsInAnyOrder("BAD_RATING", "COMPLAINT")))
                .andExpect(jsonPath("$[?(@.kind == 'BAD_RATING')].applicationNumber")
                        .value(bad));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff("head-" + rated, rated, "department-head")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("BAD_RATING"));
        mvc.perform(get("/api/notifications/staff/inbox").with(staff("head-" + other, other, "department-head")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    private static CaseHeader header(String number, String caseNumber, String dept, String assignee, CaseClock clock) {
        return new CaseHeader(
                number, caseNumber, "demo-item", 1, dept, "IN_REVIEW", "REVIEW", assignee, "system", clock);
    }

    /** Six random capitals: a department code of its own for each run (letters only, a subset of the codes). */
    private static String letters() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }

    private int count(String where) {
        return jdbc.sql("select count(*) from staff_notice where " + where)
                .query(Integer.class)
                .single();
    }

    private boolean processed(String eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = ? and consumer = ?")
                        .params(eventId, StaffNoticesListener.STAFF_NOTICES)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
