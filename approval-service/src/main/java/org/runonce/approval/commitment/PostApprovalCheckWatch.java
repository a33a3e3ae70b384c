package org.runonce.approval.commitment;

import org.runonce.approval.ApprovalProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With the deadline watch ({@code runonce.approval.deadlines.*}), raises {@code post-approval-check.overdue} for
 * checks past their day: once per check across instances ({@link CommitmentApproval#raiseOverdue}).
 */
@Component
class PostApprovalCheckWatch {

    private final CommitmentApproval approval;
    private final ApprovalProperties properties;

    PostApprovalCheckWatch(CommitmentApproval approval, ApprovalProperties properties) {
        this.approval = approval;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${runonce.approval.deadlines.check-interval:1m}",
            initialDelayString = "${runonce.approval.deadlines.check-interval:1m}")
    void scheduled() {
        if (properties.deadlines().enabled()) {
            approval.raiseOverdue();
        }
    }
}
