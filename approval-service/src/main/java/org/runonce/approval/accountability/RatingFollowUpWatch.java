package org.runonce.approval.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code runonce.approval.accountability.check-interval}, opens an accountability record for each bad rating
 * whose follow-up was not recorded by its due date: once per rating and department across instances (each pending
 * row locked with SKIP LOCKED, the record opened and the row marked checked in one transaction; the record's unique
 * key besides). A round reads only the unchecked rows past their due date (a partial index).
 */
@Component
@EnableConfigurationProperties(AccountabilityProperties.class)
class RatingFollowUpWatch {

    private static final Logger log = LoggerFactory.getLogger(RatingFollowUpWatch.class);

    private final JdbcClient jdbc;
    private final AccountabilityRecords records;
    private final TransactionTemplate transactions;
    private final Time time;
    private final AccountabilityProperties properties;

    RatingFollowUpWatch(
            JdbcClient jdbc,
            AccountabilityRecords records,
            TransactionTemplate transactions,
            Time time,
            AccountabilityProperties properties) {
        this.jdbc = jdbc;
        this.records = records;
        this.transactions = transactions;
        this.time = time;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${runonce.approval.accountability.check-interval:15m}",
            initialDelayString = "${runonce.approval.accountability.check-interval:15m}")
    void scheduled() {
        if (properties.followUpCheck()) {
            check();
        }
    }

    /** One round; returns {@code <application>:<department>} for each record opened. */
    List<String> check() {
        LocalDate today = time.today();
        List<String> opened = new ArrayList<>();
        var due = jdbc.sql("""
                        select application_number, department_code from department_rating
                        where not follow_up_checked and follow_up_due < ?""")
                .param(today)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
        for (var pending : due) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> check(pending.get(0), pending.get(1), today)))) {
                    opened.add(pending.get(0) + ":" + pending.get(1));
                }
            } catch (RuntimeException e) {
                log.warn(
                        "follow-up check of {} {} failed, next round retries: {}",
                        pending.get(0),
                        pending.get(1),
                        e.toString());
            }
        }
        if (!opened.isEmpty()) {
            log.info("bad ratings not followed up in time: {}", opened);
        }
        return opened;
    }

    private boolean check(String application, String department, LocalDate today) {
        var row = jdbc.sql("""
                        select rating, follow_up_due from department_rating
                        where application_number = ? and department_code = ?
                          and not follow_up_checked and follow_up_due < ?
                        for update skip locked""")
                .params(application, department, today)
                .query((rs, n) -> new Due(rs.getInt(1), rs.getObject(2, LocalDate.class)))
                .optional();
        if (row.isEmpty()) {
            return false; // another instance has it, or checked it meanwhile
        }
        boolean opened = records.open(
                opening(
                        application,
                        department,
                        row.get().rating(),
                        row.get().due(),
                        "no follow-up recorded by then",
                        time),
                time.now());
        jdbc.sql(
                        "update department_rating set follow_up_checked = true where application_number = ? and department_code = ?")
                .params(application, department)
                .update();
        return opened;
    }

    private record Due(int rating, LocalDate due) {}

    /** The record of a bad rating not followed up by {@code due}: it occurred as the day after began. */
    static AccountabilityRecord.Opening opening(
            String application, String department, int rating, LocalDate due, String what, Time time) {
        return new AccountabilityRecord.Opening(
                Rule.RATING_NOT_FOLLOWED_UP,
                application,
                application,
                null,
                department,
                "application %s rated %d: the follow-up was due by %s; %s".formatted(application, rating, due, what),
                due.plusDays(1).atStartOfDay(time.zone()).toInstant());
    }
}
