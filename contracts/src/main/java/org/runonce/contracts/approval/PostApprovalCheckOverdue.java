package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A post-approval check (事后核查) was not recorded by its due day: raised once per check, for the department's heads
 * and the supervisors. Subject and key: the case number; {@code department} extension: the department.
 *
 * @param checkId the check's id
 * @param caseNumber the case decided on commitment
 * @param applicationNumber its application
 * @param itemCode the item
 * @param departmentCode the department that owes the check
 * @param dueOn the last day it was due
 * @param detectedAt when the watch found it overdue
 */
public record PostApprovalCheckOverdue(
        String checkId,
        String caseNumber,
        String applicationNumber,
        String itemCode,
        String departmentCode,
        LocalDate dueOn,
        Instant detectedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.post-approval-check.overdue.v1";
}
