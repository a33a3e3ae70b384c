package org.runonce.approval.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.complaint.Contact;
import org.runonce.contracts.approval.InquiryOverdue;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

/**
 * An inquiry (咨询) under first-inquiry responsibility (首问负责制): whoever received it owns it until it is answered or
 * formally handed over to a named owner, each change of hands recorded with its reason. An online inquiry waits in
 * the department it is addressed to until one of its staff takes it (and owns it from then). Its limit of working days
 * runs from its receipt, whoever owns it; unanswered past it, it is raised once as overdue.
 */
final class Inquiry {

    enum Status {
        OPEN,
        ANSWERED
    }

    enum Channel {
        ONLINE,
        WINDOW,
        PHONE
    }

    /**
     * Who asks: an applicant (their token's subject) or someone known by a contact.
     *
     * @param subject the applicant's subject, or null
     * @param contact the contact of someone who did not sign in, or null
     */
    record Inquirer(String subject, Contact contact) {
        boolean anonymous() {
            return subject == null;
        }
    }

    /**
     * The time limit: from the day the inquiry was received (which does not count).
     *
     * @param region whose calendar counts
     * @param dueOn the last working day of the limit
     * @param overdueOn the first working day past it
     */
    record Limit(String region, LocalDate dueOn, LocalDate overdueOn) {
        static Limit of(String region, LocalDate receivedOn, int days, WorkingDayCalendar calendar) {
            return new Limit(
                    region, calendar.plusWorkingDays(receivedOn, days), calendar.plusWorkingDays(receivedOn, days + 1));
        }
    }

    /** One change of hands: received, taken, handed over. */
    record Handover(
            Instant at, String fromOwner, String fromDepartment, String toOwner, String toDepartment, String reason) {}

    /** An event to publish. */
    record Raised(String type, String department, Object data) {}

    private final String number;
    private final Instant receivedAt;
    private final Channel channel;
    private final String question;
    private final Inquirer inquirer;
    private final String accessCodeHash;
    private final String receivedBy;
    private final int limitDays;
    private final Limit limit;
    private String owner;
    private Instant ownerSince;
    private String department;
    private Status status;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private Instant overdueAt;
    private final List<Handover> handovers = new ArrayList<>();
    private final List<Raised> raised = new ArrayList<>();

    Inquiry(
            String number,
            Instant receivedAt,
            Channel channel,
            String question,
            Inquirer inquirer,
            String accessCodeHash,
            String receivedBy,
            int limitDays,
            Limit limit,
            String owner,
            Instant ownerSince,
            String department,
            Status status,
            String answer,
            String answeredBy,
            Instant answeredAt,
            Instant overdueAt) {
        this.number = number;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.question = question;
        this.inquirer = inquirer;
        this.accessCodeHash = accessCodeHash;
        this.receivedBy = receivedBy;
        this.limitDays = limitDays;
        this.limit = limit;
        this.owner = owner;
        this.ownerSince = ownerSince;
        this.department = department;
        this.status = status;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.overdueAt = overdueAt;
    }

    /** Received by a member of staff (a window clerk: {@code department} null, the hall), who owns it from now. */
    static Inquiry received(
            String number,
            Instant at,
            Channel channel,
            String question,
            Inquirer inquirer,
            String accessCodeHash,
            String staff,
            String department,
            int limitDays,
            Limit limit) {
        var i = new Inquiry(
                number,
                at,
                channel,
                question,
                inquirer,
                accessCodeHash,
                staff,
                limitDays,
                limit,
                staff,
                at,
                department,
                Status.OPEN,
                null,
                null,
                null,
                null);
        i.handovers.add(new Handover(at, null, null, staff, department, "received (首问)"));
        return i;
    }

    /** Asked online and addressed to a department: no owner until one of its staff takes it. */
    static Inquiry askedOnline(
            String number,
            Instant at,
            String question,
            Inquirer inquirer,
            String accessCodeHash,
            String department,
            int limitDays,
            Limit limit) {
        return new Inquiry(
                number,
                at,
                Channel.ONLINE,
                question,
                inquirer,
                accessCodeHash,
                null,
                limitDays,
                limit,
                null,
                null,
                department,
                Status.OPEN,
                null,
                null,
                null,
                null);
    }

    /** A member of the department takes an online inquiry no one owns yet: they own it from now. */
    void take(String staff, String staffDepartment, Instant at) {
        requireOpen("take");
        if (owner != null) {
            throw Refusal.conflict("inquiry-owned", "Already owned", "inquiry " + number + " is owned by " + owner)
                    .with("owner", owner);
        }
        owner = staff;
        ownerSince = at;
        department = staffDepartment;
        handovers.add(new Handover(at, null, null, staff, staffDepartment, "taken (首问)"));
    }

    /** The owner hands the inquiry over to a named owner, with the reason; only the owner may. */
    void handOver(String by, String toOwner, String toDepartment, String reason, Instant at) {
        requireOpen("hand over");
        requireOwner(by);
        if (toOwner.equals(owner)) {
            throw Refusal.badRequest(
                    "inquiry-handover-to-self", "Hand-over to the owner", "the inquiry is owned by " + owner);
        }
        handovers.add(new Handover(at, owner, department, toOwner, toDepartment, reason));
        owner = toOwner;
        ownerSince = at;
        department = toDepartment;
    }

    /** The owner answers; the inquiry is done. */
    void answer(String by, String text, Instant at) {
        requireOpen("answer");
        requireOwner(by);
        answer = text;
        answeredBy = by;
        answeredAt = at;
        status = Status.ANSWERED;
    }

    /** Whether it is unanswered past its limit. */
    boolean overdue(LocalDate today) {
        return overdueAt != null || (status == Status.OPEN && !today.isBefore(limit.overdueOn()));
    }

    /** Raises the overdue event once (false when not overdue or raised already). */
    boolean markOverdue(Instant at, LocalDate today) {
        if (overdueAt != null || status != Status.OPEN || today.isBefore(limit.overdueOn())) {
            return false;
        }
        overdueAt = at;
        raised.add(new Raised(
                InquiryOverdue.TYPE,
                department,
                new InquiryOverdue(
                        number, owner, department, limit.dueOn(), at, List.of("department-head", "supervisor"))));
        return true;
    }

    private void requireOpen(String action) {
        if (status != Status.OPEN) {
            throw Refusal.conflict("illegal-transition", "Not possible now", "inquiry " + number + " is " + status)
                    .with("status", status.name())
                    .with("action", action);
        }
    }

    private void requireOwner(String who) {
        if (!who.equals(owner)) {
            throw Refusal.forbidden(
                            "not-the-owner",
                            "Not the owner",
                            "only the inquiry's owner answers or hands it over (首问负责)")
                    .with("owner", owner);
        }
    }

    /** The hand-overs recorded since the last call. */
    List<Handover> pullHandovers() {
        var pulled = List.copyOf(handovers);
        handovers.clear();
        return pulled;
    }

    List<Raised> pullRaised() {
        var pulled = List.copyOf(raised);
        raised.clear();
        return pulled;
    }

    String number() {
        return number;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Channel channel() {
        return channel;
    }

    String question() {
        return question;
    }

    Inquirer inquirer() {
        return inquirer;
    }

    String accessCodeHash() {
        return accessCodeHash;
    }

    String receivedBy() {
        return receivedBy;
    }

    int limitDays() {
        return limitDays;
    }

    Limit limit() {
        return limit;
    }

    String owner() {
        return owner;
    }

    Instant ownerSince() {
        return ownerSince;
    }

    String department() {
        return department;
    }

    Status status() {
        return status;
    }

    String answer() {
        return answer;
    }

    String answeredBy() {
        return answeredBy;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    Instant overdueAt() {
        return overdueAt;
    }
}
