package org.runonce.approval.cases;

import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.shared.ApprovalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the clocks of undecided cases every {@code runonce.approval.deadlines.check-interval} and raises the 80%
 * warning and the overdue event, each exactly once per case (flag and event in one transaction, rows locked with
 * SKIP LOCKED so that instances running the job together do not both raise it).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final CaseWorkflow workflow;
    private final ApprovalProperties properties;

    DeadlineWatch(CaseWorkflow workflow, ApprovalProperties properties) {
        this.workflow = workflow;
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

    /** One round over every candidate; returns {@code <case>:<WARNING|OVERDUE>} for what was raised. */
    public List<String> check() {
        List<String> raised = new ArrayList<>();
        for (String number : workflow.deadlineCandidates()) {
            try {
                workflow.checkDeadline(number).forEach(kind -> raised.add(number + ":" + kind));
            } catch (RuntimeException e) {
                log.warn("deadline check of case {} failed, next round retries: {}", number, e.toString());
            }
        }
        if (!raised.isEmpty()) {
            log.info("deadlines: {}", raised);
        }
        return raised;
    }
}
