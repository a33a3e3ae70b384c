package org.runonce.intake.application;

import java.time.Instant;
import java.util.Optional;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Following the cases in their departments: each case update from the approval service moves the application's
 * progress view on, and the application completes when every case is decided.
 */
@Service
public class FollowingApprovals {

    private static final Logger log = LoggerFactory.getLogger(FollowingApprovals.class);

    private final Applications applications;
    private final ApplicationChanges changes;
    private final TransactionTemplate transactions;
    private final Time time;

    FollowingApprovals(
            Applications applications, ApplicationChanges changes, TransactionTemplate transactions, Time time) {
        this.applications = applications;
        this.changes = changes;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * A case moved on in its department. Idempotent: a final case status is never left and an older update than
     * the case's last one is ignored.
     *
     * @return whether the application changed
     */
    public boolean caseProgressed(CaseUpdate update) {
        String number = update.applicationNumber();
        Instant now = time.now();
        Boolean changed = transactions.execute(tx -> {
            Optional<Application> found = applications.findForUpdate(number);
            if (found.isEmpty()) {
                log.warn("Progress of case {} for unknown application {}", update.caseNumber(), number);
                return false;
            }
            Application application = found.get();
            if (!application.caseProgressed(update.timedOr(now))) {
                return false;
            }
            changes.save(application, now);
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }
}
