package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends applications accepted with deficiencies (容缺) to the window clerks' queue (OVERDUE_PLEDGE) once their pledge
 * date passed without the missing materials, every {@code runonce.intake.pledge.check-interval}.
 */
@Component
class PledgeWatch {

    private static final Logger log = LoggerFactory.getLogger(PledgeWatch.class);

    private final Applications applications;
    private final ApplicationAccess access;
    private final ApplicationChanges changes;
    private final TransactionTemplate transactions;
    private final Time time;

    PledgeWatch(
            Applications applications,
            ApplicationAccess access,
            ApplicationChanges changes,
            TransactionTemplate transactions,
            Time time) {
        this.applications = applications;
        this.access = access;
        this.changes = changes;
        this.transactions = transactions;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${runonce.intake.pledge.check-interval:15m}", initialDelayString = "1m")
    void markOverdue() {
        int marked = markOverduePledges();
        if (marked > 0) {
            log.info("{} application(s) passed their pledge date with materials missing", marked);
        }
    }

    /** Marks every application whose pledge date passed with materials still missing; returns how many. */
    int markOverduePledges() {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        int marked = 0;
        for (String number : applications.pastPledgeDate(today, 500)) {
            Boolean done = transactions.execute(tx -> {
                Application application = access.forUpdate(number);
                boolean overdue = application.markPledgeOverdue(changes.terms(application, Actor.SYSTEM, now));
                if (overdue) {
                    changes.save(application, now);
                }
                return overdue;
            });
            if (Boolean.TRUE.equals(done)) {
                marked++;
            }
        }
        return marked;
    }
}
