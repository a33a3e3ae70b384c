package org.runonce.approval.cases;

import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.catalog.CalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code runonce.approval.deadlines.check-interval}, raises the 80% warning and the overdue event of the cases
 * whose day for it has come, each exactly once per case (flag and event in one transaction per case, rows locked with
 * SKIP LOCKED so that instances running the job together do not both raise it). The days are kept with the case
 * ({@link DueDays}, computed whenever it is saved), so a round reads only the due cases: one statement when none is.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final Cases cases;
    private final CaseTime caseTime;
    private final TransactionTemplate transactions;
    private final ApprovalProperties properties;

    DeadlineWatch(Cases cases, CaseTime caseTime, TransactionTemplate transactions, ApprovalProperties properties) {
        this.cases = cases;
        this.caseTime = caseTime;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${runonce.approval.deadlines.check-interval:1m}",
            initialDelayString = "${runonce.approval.deadlines.check-interval:1m}")
    void scheduled() {
        if (properties.deadlines().enabled()) {
            check();
        }
    }

    /** A region's calendar changed: its running clocks are checked at the next round and get their new days. */
    @EventListener
    void calendarChanged(CalendarChanged changed) {
        int marked = cases.recheckDueDays(changed.region());
        log.info("calendar {} {} changed: {} running clocks rechecked", changed.region(), changed.year(), marked);
    }

    /** One round over every candidate; returns {@code <case>:<WARNING|OVERDUE>} for what was raised. */
    List<String> check() {
        List<String> raised = new ArrayList<>();
        for (String number : cases.deadlineCandidates(caseTime.today())) {
            try {
                transactions.execute(tx -> check(number)).forEach(kind -> raised.add(number + ":" + kind));
            } catch (RuntimeException e) {
                log.warn("deadline check of case {} failed, next round retries: {}", number, e.toString());
            }
        }
        if (!raised.isEmpty()) {
            log.info("deadlines: {}", raised);
        }
        return raised;
    }

    /** The warning and the overdue event of one case, each once; the events raised. */
    private List<String> check(String number) {
        var c = cases.tryLock(number).orElse(null);
        if (c == null || c.status().isFinal() || !c.parts().stopwatch().started()) {
            return List.of();
        }
        var m = caseTime.of(c);
        var clock = c.clock(m);
        List<String> raised = new ArrayList<>();
        if (WorkingDayClock.reached(clock, properties.deadlines().warningPercent()) && c.warn(m)) {
            raised.add("WARNING");
        }
        if (WorkingDayClock.past(clock) && c.markOverdue(m)) {
            raised.add("OVERDUE");
        }
        // saved also when nothing was raised: its days were stale (a calendar changed), saving stores the right ones
        cases.save(c);
        return raised;
    }
}
