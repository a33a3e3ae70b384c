package org.runonce.approval.accountability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What electronic supervision takes from intake's events, per department, in the consumer's transaction (its
 * processed-event mark commits with it): ratings and their follow-up, visits, and withdrawals or returns without the
 * applicant's confirmation (an accountability record for each department of the application's cases). Each write is
 * idempotent by its key as well.
 */
@Service
public class IntakeFacts {

    private static final Logger log = LoggerFactory.getLogger(IntakeFacts.class);

    private final JdbcClient jdbc;
    private final AccountabilityRecords records;
    private final Time time;

    IntakeFacts(JdbcClient jdbc, AccountabilityRecords records, Time time) {
        this.jdbc = jdbc;
        this.records = records;
        this.time = time;
    }

    /**
     * The rating, once per department it names; a bad one (with a follow-up due date) is checked by {@link
     * RatingFollowUpWatch} after that day unless its follow-up comes first.
     */
    @Transactional
    public void evaluated(ApplicationEvaluated e) {
        for (String department : e.departmentCodes() == null ? List.<String>of() : e.departmentCodes()) {
            jdbc.sql("""
                            insert into department_rating (application_number, department_code, rating, evaluated_at,
                                follow_up_due, follow_up_checked)
                            values (:application, :department, :rating, :at, :due, :checked)
                            on conflict (application_number, department_code) do nothing""")
                    .param("application", e.applicationNumber())
                    .param("department", department)
                    .param("rating", e.rating())
                    .param("at", Jdbc.timestamp(e.evaluatedAt()))
                    .param("due", e.followUpDue())
                    .param("checked", e.followUpDue() == null)
                    .update();
        }
    }

    /**
     * The department's follow-up of a bad rating: closes its pending check; one recorded after the due date opens the
     * record for it (unless the watch opened it already).
     */
    @Transactional
    public void followedUp(ApplicationRatingFollowedUp f) {
        var rating = jdbc.sql("""
                        select rating, follow_up_due, follow_up_checked from department_rating
                        where application_number = ? and department_code = ? for update""")
                .params(f.applicationNumber(), f.department())
                .query((rs, n) -> new Pending(rs.getInt(1), Jdbc.date(rs, "follow_up_due"), rs.getBoolean(3)))
                .optional();
        if (rating.isEmpty()) {
            log.warn(
                    "follow-up of application {} by {}: no rating of that department known, ignored",
                    f.applicationNumber(),
                    f.department());
            return;
        }
        jdbc.sql("""
                        update department_rating
                        set followed_up_at = :at, followed_up_by = :by, follow_up_note = :note,
                            follow_up_checked = true
                        where application_number = :application and department_code = :department
                          and followed_up_at is null""")
                .param("at", Jdbc.timestamp(f.at()))
                .param("by", f.followedUpBy())
                .param("note", f.note())
                .param("application", f.applicationNumber())
                .param("department", f.department())
                .update();
        LocalDate due = rating.get().due();
        if (due != null && !rating.get().checked() && time.dayOf(f.at()).isAfter(due)) {
            records.open(
                    RatingFollowUpWatch.opening(
                            f.applicationNumber(),
                            f.department(),
                            rating.get().rating(),
                            due,
                            "followed up late, on " + time.dayOf(f.at()) + " by " + f.followedUpBy(),
                            time),
                    time.now());
        }
    }

    private record Pending(int rating, LocalDate due, boolean checked) {}

    /**
     * A withdrawal or return a clerk made without the applicant's confirmation ({@code confirmedByApplicant} false)
     * opens a record for each department of its cases; confirmed or not recorded (null): none.
     */
    @Transactional
    public void withdrawn(ApplicationWithdrawn w) {
        if (!Boolean.FALSE.equals(w.confirmedByApplicant())
                || w.caseNumbers() == null
                || w.caseNumbers().isEmpty()) {
            return;
        }
        Map<String, List<String>> byDepartment = byDepartment(w.caseNumbers());
        Instant at = w.withdrawnAt() != null ? w.withdrawnAt() : time.now();
        byDepartment.forEach((department, cases) -> records.open(
                new AccountabilityRecord.Opening(
                        Rule.WITHDRAWN_WITHOUT_CONFIRMATION,
                        w.applicationNumber(),
                        w.applicationNumber(),
                        cases.size() == 1 ? cases.getFirst() : null,
                        department,
                        "application %s withdrawn or returned by %s without the applicant's confirmation; cases %s; reason: %s"
                                .formatted(
                                        w.applicationNumber(),
                                        w.withdrawnBy(),
                                        String.join(", ", cases),
                                        w.reason() == null ? "none recorded" : w.reason()),
                        at),
                time.now()));
    }

    /**
     * Materials pledged at an acceptance with deficiencies (容缺) are overdue: a record for each department of the
     * application's cases, which decides on them without those materials.
     */
    @Transactional
    public void pledgeOverdue(ApplicationPledgeOverdue p) {
        if (p.caseNumbers() == null || p.caseNumbers().isEmpty()) {
            return;
        }
        Instant at = p.detectedAt() != null ? p.detectedAt() : time.now();
        byDepartment(p.caseNumbers())
                .forEach((department, cases) -> records.open(
                        new AccountabilityRecord.Opening(
                                Rule.SUPPLEMENT_OVERDUE,
                                p.applicationNumber(),
                                p.applicationNumber(),
                                cases.size() == 1 ? cases.getFirst() : null,
                                department,
                                "application %s: materials %s pledged by %s (容缺) not handed in; cases %s"
                                        .formatted(
                                                p.applicationNumber(),
                                                p.missingMaterialCodes(),
                                                p.pledgeDate(),
                                                String.join(", ", cases)),
                                at),
                        time.now()));
    }

    /** The cases approval knows among {@code caseNumbers}, by their department. */
    private Map<String, List<String>> byDepartment(List<String> caseNumbers) {
        Map<String, List<String>> byDepartment = new TreeMap<>();
        jdbc.sql("select number, department_code from approval_case where number in (:numbers) order by number")
                .param("numbers", caseNumbers)
                .query(rs -> {
                    byDepartment
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(1));
                });
        return byDepartment;
    }

    /** The application's visits, once per department that had a case of it; nothing when intake did not count them. */
    @Transactional
    public void completed(ApplicationCompleted c) {
        if (c.visits() == null || c.cases() == null) {
            return;
        }
        var departments = new LinkedHashMap<String, Boolean>();
        c.cases().forEach(outcome -> departments.put(outcome.departmentCode(), true));
        for (String department : departments.keySet()) {
            jdbc.sql("""
                            insert into application_visits (application_number, department_code, visits, completed_at)
                            values (?, ?, ?, ?)
                            on conflict (application_number, department_code) do nothing""")
                    .params(
                            c.applicationNumber(),
                            department,
                            c.visits(),
                            Jdbc.timestamp(c.completedAt() != null ? c.completedAt() : time.now()))
                    .update();
        }
    }
}
