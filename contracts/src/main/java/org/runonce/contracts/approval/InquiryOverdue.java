package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An inquiry (咨询) was not answered within its limit: raised once per inquiry, to its owner's department head and the
 * supervisors (首问负责制: its owner answers for it). Subject: the inquiry number; {@code department} extension: the
 * responsible department, absent for an inquiry a window clerk of the hall owns. Never carries the question or the
 * inquirer's contact.
 *
 * @param number the inquiry number, e.g. {@code ZX-2026-000001}
 * @param owner the staff member who owns it now (username), or null when no one took an online inquiry
 * @param departmentCode the responsible department, or null
 * @param dueOn the last day of the limit
 * @param detectedAt when the inquiry watch found it overdue
 * @param escalatedTo the roles told: {@code department-head}, {@code supervisor}
 */
public record InquiryOverdue(
        String number,
        String owner,
        String departmentCode,
        LocalDate dueOn,
        Instant detectedAt,
        List<String> escalatedTo) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.inquiry.overdue.v1";
}
