package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A post-approval check (事后核查) of a case decided on the applicant's commitment (告知承诺制) found the commitment
 * untrue: the case's certificate was revoked in the same transaction ({@code certificate.revoked} follows) and
 * accountability opens a record. Subject and key: the case number; {@code department} extension: the department.
 *
 * @param checkId the check's id
 * @param caseNumber the case decided on commitment
 * @param applicationNumber its application
 * @param itemCode the item
 * @param departmentCode the department that checked
 * @param certificateNumber the certificate revoked, or null when the case issued none
 * @param dueOn the last day the check was due
 * @param findings what the reviewer found
 * @param checkedBy the reviewer (username)
 * @param checkedAt when the result was recorded
 */
public record PostApprovalCheckFailed(
        String checkId,
        String caseNumber,
        String applicationNumber,
        String itemCode,
        String departmentCode,
        String certificateNumber,
        LocalDate dueOn,
        String findings,
        String checkedBy,
        Instant checkedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.post-approval-check.failed.v1";
}
