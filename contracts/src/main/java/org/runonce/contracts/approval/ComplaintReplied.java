package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The responsible department replied to a complaint; the complainant reads the reply through approval's API. Subject:
 * the complaint number; {@code department} extension: the department.
 *
 * @param number the complaint number
 * @param departmentCode the department that replied
 * @param repliedBy the reviewer or head who replied (username)
 * @param repliedAt when
 * @param dueOn the last day of the limit
 * @param onTime whether the reply came within the limit
 * @param complainantSubject the signed-in complainant's account (token subject), told of it in their inbox; null for
 *     an anonymous complaint (followed by number and access code)
 */
public record ComplaintReplied(
        String number,
        String departmentCode,
        String repliedBy,
        Instant repliedAt,
        LocalDate dueOn,
        boolean onTime,
        String complainantSubject) {

    /** A reply that names no signed-in complainant. */
    public ComplaintReplied(
            String number,
            String departmentCode,
            String repliedBy,
            Instant repliedAt,
            LocalDate dueOn,
            boolean onTime) {
        this(number, departmentCode, repliedBy, repliedAt, dueOn, onTime, null);
    }

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.complaint.replied.v1";
}
