package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint was not replied to within its limit: raised once per complaint, and the complaint is escalated to the
 * supervisors. Subject: the complaint number; {@code department} extension: the responsible department.
 *
 * @param number the complaint number
 * @param departmentCode the responsible department
 * @param dueOn the last day of the limit
 * @param detectedAt when the complaint watch found it overdue
 * @param escalatedTo the roles told: {@code department-head}, {@code supervisor}
 */
public record ComplaintOverdue(
        String number, String departmentCode, LocalDate dueOn, Instant detectedAt, List<String> escalatedTo) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.complaint.overdue.v1";
}
