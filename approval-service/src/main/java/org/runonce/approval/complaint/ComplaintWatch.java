package org.runonce.approval.complaint;

import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.ApprovalProperties;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the deadline watch ({@code runonce.approval.deadlines.*}), marks the complaints whose department did not reply
 * within the limit overdue and escalates them: once per complaint across instances (flag, record and events in one
 * transaction per complaint, the row locked with SKIP LOCKED; a complaint marked already is not selected again).
 */
@Component
class ComplaintWatch {

    private static final Logger log = LoggerFactory.getLogger(ComplaintWatch.class);

    private final Complaints complaints;
    private final Time time;
    private final TransactionTemplate transactions;
    private final ApprovalProperties properties;

    ComplaintWatch(Complaints complaints, Time time, TransactionTemplate transactions, ApprovalProperties properties) {
        this.complaints = complaints;
        this.time = time;
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

    /** One round; returns the numbers of the complaints it marked overdue. */
    List<String> check() {
        var today = time.today();
        List<String> marked = new ArrayList<>();
        for (String number : complaints.overdueCandidates(today)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> check(number)))) {
                    marked.add(number);
                }
            } catch (RuntimeException e) {
                log.warn("overdue check of complaint {} failed, next round retries: {}", number, e.toString());
            }
        }
        if (!marked.isEmpty()) {
            log.info("complaints overdue and escalated: {}", marked);
        }
        return marked;
    }

    private boolean check(String number) {
        var c = complaints.tryLock(number).orElse(null);
        if (c == null || !c.markOverdue(time.now(), time.today())) {
            return false;
        }
        complaints.save(c);
        return true;
    }
}
