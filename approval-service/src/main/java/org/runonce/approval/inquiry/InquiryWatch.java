package org.runonce.approval.inquiry;

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
 * With the deadline watch ({@code runonce.approval.deadlines.*}), raises {@code inquiry.overdue} for the inquiries
 * unanswered past their limit: once per inquiry across instances (flag and event in one transaction, the row locked
 * with SKIP LOCKED; one marked is not selected again).
 */
@Component
class InquiryWatch {

    private static final Logger log = LoggerFactory.getLogger(InquiryWatch.class);

    private final Inquiries inquiries;
    private final Time time;
    private final TransactionTemplate transactions;
    private final ApprovalProperties properties;

    InquiryWatch(Inquiries inquiries, Time time, TransactionTemplate transactions, ApprovalProperties properties) {
        this.inquiries = inquiries;
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

    /** One round; returns the numbers of the inquiries it raised as overdue. */
    List<String> check() {
        List<String> marked = new ArrayList<>();
        for (String number : inquiries.overdueCandidates(time.today())) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> check(number)))) {
                    marked.add(number);
                }
            } catch (RuntimeException e) {
                log.warn("overdue check of inquiry {} failed, next round retries: {}", number, e.toString());
            }
        }
        if (!marked.isEmpty()) {
            log.info("inquiries overdue: {}", marked);
        }
        return marked;
    }

    private boolean check(String number) {
        var i = inquiries.tryLock(number).orElse(null);
        if (i == null || !i.markOverdue(time.now(), time.today())) {
            return false;
        }
        inquiries.save(i);
        return true;
    }
}
