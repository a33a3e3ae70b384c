package org.runonce.contracts.approval;

import java.time.Instant;
import java.util.List;

/**
 * A complaint went to the supervisors: the complainant was not satisfied with the reply, or the department did not
 * reply within the limit (then after {@link ComplaintOverdue}). Subject: the complaint number; {@code department}
 * extension: the responsible department.
 *
 * @param number the complaint number
 * @param departmentCode the responsible department, or null when none was assigned
 * @param reason {@code COMPLAINANT_UNSATISFIED} or {@code OVERDUE}
 * @param escalatedBy {@code complainant} or {@code system}
 * @param escalatedAt when
 * @param escalatedTo the roles told: {@code supervisor}
 */
public record ComplaintEscalated(
        String number,
        String departmentCode,
        String reason,
        String escalatedBy,
        Instant escalatedAt,
        List<String> escalatedTo) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.complaint.escalated.v1";
}
