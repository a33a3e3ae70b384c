package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint (投诉) was filed: by an applicant, anonymously with a contact, or recorded by a window clerk. Subject and
 * Kafka key: the complaint number; {@code department} extension: the responsible department, absent until a
 * supervisor assigns one. Never carries the complaint's text or an anonymous complainant's contact: the department
 * reads the complaint through approval's API, which shows no contact either.
 *
 * @param number the complaint number, e.g. {@code TS-2026-000001}
 * @param aboutKind what it is about: {@code APPLICATION}, {@code CASE}, {@code DEPARTMENT} or {@code WINDOW}
 * @param aboutReference the application or case number, the department code, or the window
 * @param channel {@code ONLINE}, {@code WINDOW} or {@code PHONE}
 * @param anonymous whether the complainant gave a contact instead of signing in
 * @param departmentCode the responsible department, or null until assigned
 * @param limitWorkingDays the handling time limit in working days
 * @param dueOn the last day of the limit on the department region's calendar, or null until assigned
 * @param filedAt when it was filed
 * @param complainantSubject the signed-in complainant's account (token subject), told of it in their inbox; null for
 *     an anonymous complaint (followed by number and access code)
 */
public record ComplaintFiled(
        String number,
        String aboutKind,
        String aboutReference,
        String channel,
        boolean anonymous,
        String departmentCode,
        int limitWorkingDays,
        LocalDate dueOn,
        Instant filedAt,
        String complainantSubject) {

    /** A filing that names no signed-in complainant. */
    public ComplaintFiled(
            String number,
            String aboutKind,
            String aboutReference,
            String channel,
            boolean anonymous,
            String departmentCode,
            int limitWorkingDays,
            LocalDate dueOn,
            Instant filedAt) {
        this(
                number,
                aboutKind,
                aboutReference,
                channel,
                anonymous,
                departmentCode,
                limitWorkingDays,
                dueOn,
                filedAt,
                null);
    }

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.complaint.filed.v1";
}
