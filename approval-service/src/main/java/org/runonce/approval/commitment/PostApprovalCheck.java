package org.runonce.approval.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The post-approval check (事后核查) of a case decided on the applicant's commitment.
 *
 * @param id its id
 * @param caseNumber the case
 * @param applicationNumber its application
 * @param itemCode the item
 * @param departmentCode the department that checks
 * @param region the region whose working-day calendar sets the due day
 * @param certificateNumber the certificate the decision issued, or null
 * @param committedMaterials the materials the commitment replaced: what the check looks at
 * @param statement the commitment the applicant signed
 * @param decidedOn the day of the decision
 * @param dueOn the last day the check is due
 * @param status SCHEDULED, PASSED or FAILED
 * @param findings what the reviewer found (required when FAILED)
 * @param checkedBy the reviewer who recorded it
 * @param checkedAt when
 * @param overdueAt when the watch found it overdue, or null
 */
public record PostApprovalCheck(
        UUID id,
        String caseNumber,
        String applicationNumber,
        String itemCode,
        String departmentCode,
        String region,
        String certificateNumber,
        List<String> committedMaterials,
        String statement,
        LocalDate decidedOn,
        LocalDate dueOn,
        String status,
        String findings,
        String checkedBy,
        Instant checkedAt,
        Instant overdueAt) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    /** Not recorded and past its due day on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return SCHEDULED.equals(status) && today.isAfter(dueOn);
    }
}
