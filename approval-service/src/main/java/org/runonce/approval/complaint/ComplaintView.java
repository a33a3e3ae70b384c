package org.runonce.approval.complaint;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as its reader may see it: the complainant (their own, with their contact), the department (never the
 * complainant's identity or contact, not even masked), a supervisor (the contact masked).
 *
 * @param number the complaint number
 * @param status OPEN, REPLIED, ESCALATED or RESOLVED
 * @param channel ONLINE, WINDOW or PHONE
 * @param aboutKind APPLICATION, CASE, DEPARTMENT or WINDOW
 * @param aboutReference the application or case number, the department code or the window
 * @param description what the complaint says
 * @param anonymous whether the complainant gave a contact instead of signing in
 * @param contact the anonymous complainant's contact: in full for themselves, masked for supervisors, absent for the
 *     department
 * @param department the responsible department, or null until a supervisor assigns one
 * @param limitWorkingDays the handling time limit
 * @param dueOn the last working day of the limit on the department region's calendar, or null
 * @param overdue whether the department has not replied within the limit
 * @param reply the department's reply, or null
 * @param repliedAt when, or null
 * @param escalationReason COMPLAINANT_UNSATISFIED or OVERDUE, or null
 * @param escalatedAt when, or null
 * @param resolution what the supervisor concluded, or null
 * @param filedAt when it was filed
 * @param record what happened, for the department and supervisors (empty for the complainant)
 */
@Schema(name = "Complaint")
record ComplaintView(
        @Schema(example = "TS-2026-000001") String number,
        @Schema(example = "OPEN") String status,
        @Schema(example = "ONLINE") String channel,
        @Schema(example = "CASE") String aboutKind,
        @Schema(example = "330000-2026-000000123-01") String aboutReference,
        @Schema(example = "窗口要求重复提交已经提交过的材料") String description,
        boolean anonymous,
        Contact contact,
        @Schema(example = "SAMR") String department,
        @Schema(example = "5") int limitWorkingDays,
        @Schema(example = "2026-10-13") LocalDate dueOn,
        boolean overdue,
        String reply,
        Instant repliedAt,
        String escalationReason,
        Instant escalatedAt,
        String resolution,
        Instant filedAt,
        List<RecordEntry> record) {

    enum Reader {
        COMPLAINANT,
        DEPARTMENT,
        SUPERVISOR
    }

    static ComplaintView of(Complaint c, Reader reader, LocalDate today, List<Complaint.Entry> record) {
        var contact = c.complainant().contact();
        Contact shown = switch (reader) {
            case COMPLAINANT -> contact;
            case SUPERVISOR -> contact == null ? null : contact.masked();
            case DEPARTMENT -> null;
        };
        var r = c.responsibility();
        return new ComplaintView(
                c.number(),
                c.status().name(),
                c.channel().name(),
                c.about().kind().name(),
                c.about().reference(),
                c.description(),
                c.complainant().anonymous(),
                shown,
                c.department(),
                c.limitDays(),
                r == null ? null : r.dueOn(),
                c.overdue(today),
                c.reply() == null ? null : c.reply().text(),
                c.reply() == null ? null : c.reply().at(),
                c.escalationReason(),
                c.escalation() == null ? null : c.escalation().at(),
                c.resolution() == null ? null : c.resolution().text(),
                c.filedAt(),
                reader == Reader.COMPLAINANT
                        ? List.of()
                        : record.stream()
                                .map(e -> new RecordEntry(e.at(), e.actor(), e.action(), e.note()))
                                .toList());
    }

    /**
     * One line of a complaint's record.
     *
     * @param at when
     * @param actor who: a member of staff, {@code complainant} or {@code system}
     * @param action FILED, ASSIGNED, REPLIED, ESCALATED, OVERDUE or RESOLVED
     * @param note the department, on time or late, the reason of an escalation
     */
    @Schema(name = "ComplaintRecordEntry")
    record RecordEntry(
            Instant at,
            @Schema(example = "li.samr") String actor,
            @Schema(example = "REPLIED") String action,
            @Schema(example = "on time") String note) {}

    /**
     * A complaint just filed by someone who did not sign in: its number and, this once, the access code to follow it.
     *
     * @param complaint the complaint as its complainant sees it
     * @param accessCode the secret to follow it with ({@code X-Access-Code}); shown only now, kept only as a hash
     */
    @Schema(name = "ComplaintReceipt")
    record Filed(
            ComplaintView complaint,
            @Schema(example = "K7QH3M9TXR2P") String accessCode) {}
}
