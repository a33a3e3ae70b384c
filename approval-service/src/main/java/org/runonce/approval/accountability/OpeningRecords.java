package org.runonce.approval.accountability;

import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.PostApprovalCheckFailed;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the case rules' records in the transaction that changes the case (a plain, synchronous listener on the case's
 * own events as they enter the outbox, like {@code PublishingDecisions}): the overdue event, raised once per case by
 * the deadline watch, a second (flagged) supplement request, and a failed post-approval check. The table's unique key keeps each to one record.
 */
@Component
class OpeningRecords {

    private static final Logger log = LoggerFactory.getLogger(OpeningRecords.class);

    private final AccountabilityRecords records;
    private final Time time;

    OpeningRecords(AccountabilityRecords records, Time time) {
        this.records = records;
        this.time = time;
    }

    @EventListener
    void on(CloudEvent<?> event) {
        if (event.data() instanceof CaseOverdue overdue) {
            var clock = overdue.clock();
            open(new AccountabilityRecord.Opening(
                    Rule.CASE_OVERDUE,
                    overdue.caseNumber(),
                    overdue.applicationNumber(),
                    overdue.caseNumber(),
                    overdue.departmentCode(),
                    "case %s (item %s) passed its promised %d working days undecided: due %s, %d working days used, status %s, reviewer %s"
                            .formatted(
                                    overdue.caseNumber(),
                                    overdue.itemCode(),
                                    clock.promisedWorkingDays(),
                                    clock.dueDate(),
                                    clock.workingDaysUsed(),
                                    overdue.status(),
                                    overdue.assignee() == null ? "none" : overdue.assignee()),
                    overdue.detectedAt() != null ? overdue.detectedAt() : event.time()));
        } else if (event.data() instanceof PostApprovalCheckFailed failed) {
            open(new AccountabilityRecord.Opening(
                    Rule.POST_APPROVAL_CHECK_FAILED,
                    failed.caseNumber(),
                    failed.applicationNumber(),
                    failed.caseNumber(),
                    failed.departmentCode(),
                    "case %s (item %s) was approved on the applicant's commitment; the post-approval check due %s failed (by %s): %s; certificate %s revoked"
                            .formatted(
                                    failed.caseNumber(),
                                    failed.itemCode(),
                                    failed.dueOn(),
                                    failed.checkedBy(),
                                    failed.findings(),
                                    failed.certificateNumber()),
                    failed.checkedAt() != null ? failed.checkedAt() : event.time()));
        } else if (event.data() instanceof SupplementRequested requested && requested.flagged()) {
            open(new AccountabilityRecord.Opening(
                    Rule.SECOND_SUPPLEMENT,
                    requested.caseNumber(),
                    requested.applicationNumber(),
                    requested.caseNumber(),
                    requested.departmentCode(),
                    "case %s: supplement request %d by %s, approved by %s (%s); reason: %s"
                            .formatted(
                                    requested.caseNumber(),
                                    requested.requestNumber(),
                                    requested.actor(),
                                    requested.secondApprovedBy(),
                                    requested.secondApprovalReason(),
                                    requested.reason()),
                    event.time() != null ? event.time() : time.now()));
        }
    }

    private void open(AccountabilityRecord.Opening opening) {
        if (records.open(opening, time.now())) {
            log.info(
                    "accountability record {} opened for {} of department {}",
                    opening.rule(),
                    opening.subject(),
                    opening.departmentCode());
        }
    }
}
