package org.runonce.approval.inquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.approval.complaint.Contact;

/**
 * An inquiry as its reader may see it: the inquirer (who owns it now, the answer, their own contact), staff (the
 * question, owner and hand-overs, never an anonymous inquirer's contact), supervisors (the contact masked).
 *
 * @param number the inquiry number
 * @param status OPEN or ANSWERED
 * @param channel ONLINE, WINDOW or PHONE
 * @param question what was asked
 * @param anonymous whether the inquirer gave a contact instead of signing in
 * @param contact the inquirer's contact: in full for themselves, masked for supervisors, absent for staff
 * @param owner who answers for it now (username), or null while no one took an online inquiry
 * @param ownerDepartment the owner's department (or the one an online inquiry is addressed to), null for the hall
 * @param ownerSince since when
 * @param limitWorkingDays the time limit
 * @param dueOn the last working day of the limit
 * @param overdue whether it is unanswered past its limit
 * @param answer the answer, or null
 * @param answeredAt when, or null
 * @param receivedAt when it was received
 * @param handovers who owned it when, and why it changed hands
 */
@Schema(name = "Inquiry")
record InquiryView(
        @Schema(example = "ZX-2026-000001") String number,
        @Schema(example = "OPEN") String status,
        @Schema(example = "WINDOW") String channel,
        @Schema(example = "食品经营许可需要哪些材料？") String question,
        boolean anonymous,
        Contact contact,
        @Schema(example = "clerk.wang") String owner,
        @Schema(example = "SAMR") String ownerDepartment,
        Instant ownerSince,
        @Schema(example = "2") int limitWorkingDays,
        @Schema(example = "2026-10-09") LocalDate dueOn,
        boolean overdue,
        String answer,
        Instant answeredAt,
        Instant receivedAt,
        List<HandoverRecord> handovers) {

    enum Reader {
        INQUIRER,
        STAFF,
        SUPERVISOR
    }

    static InquiryView of(Inquiry i, Reader reader, LocalDate today, List<Inquiry.Handover> handovers) {
        var contact = i.inquirer().contact();
        Contact shown = switch (reader) {
            case INQUIRER -> contact;
            case SUPERVISOR -> contact == null ? null : contact.masked();
            case STAFF -> null;
        };
        return new InquiryView(
                i.number(),
                i.status().name(),
                i.channel().name(),
                i.question(),
                i.inquirer().anonymous(),
                shown,
                i.owner(),
                i.department(),
                i.ownerSince(),
                i.limitDays(),
                i.limit().dueOn(),
                i.overdue(today),
                i.answer(),
                i.answeredAt(),
                i.receivedAt(),
                handovers.stream()
                        .map(h -> new HandoverRecord(
                                h.at(), h.fromOwner(), h.fromDepartment(), h.toOwner(), h.toDepartment(), h.reason()))
                        .toList());
    }

    /**
     * One change of hands: received, taken or handed over.
     *
     * @param at when
     * @param fromOwner the owner before, or null (received, taken)
     * @param fromDepartment their department, or null
     * @param toOwner the owner from then on
     * @param toDepartment their department, or null for the hall
     * @param reason why
     */
    @Schema(name = "InquiryHandoverRecord")
    record HandoverRecord(
            Instant at,
            @Schema(example = "clerk.wang") String fromOwner,
            String fromDepartment,
            @Schema(example = "li.samr") String toOwner,
            @Schema(example = "SAMR") String toDepartment,
            @Schema(example = "涉及现场核查，由审查人员答复") String reason) {}

    /**
     * An inquiry just received from someone who did not sign in, with (this once) the code to follow it.
     *
     * @param inquiry the inquiry as its inquirer sees it
     * @param accessCode the secret to follow it with ({@code X-Access-Code}); kept only as a hash
     */
    @Schema(name = "InquiryReceipt")
    record Received(
            InquiryView inquiry,
            @Schema(example = "K7QH3M9TXR2P") String accessCode) {}
}
