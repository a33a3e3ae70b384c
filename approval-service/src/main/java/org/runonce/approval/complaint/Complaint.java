package org.runonce.approval.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.approval.ComplaintEscalated;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintOverdue;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

/**
 * A complaint (投诉): filed about an application, a case, a department or a window; handled by one department within
 * a limit of working days on its region's calendar (the filing day does not count, as for cases); replied to by the
 * department; escalated to the supervisors by the complainant unhappy with the reply, or once when the department did
 * not reply in time; resolved by a supervisor. Every change is recorded, and the ones other services hear of raise an
 * event.
 */
final class Complaint {

    enum Status {
        OPEN,
        REPLIED,
        ESCALATED,
        RESOLVED
    }

    enum Channel {
        ONLINE,
        WINDOW,
        PHONE
    }

    enum AboutKind {
        APPLICATION,
        CASE,
        DEPARTMENT,
        WINDOW
    }

    static final String UNSATISFIED = "COMPLAINANT_UNSATISFIED";
    static final String OVERDUE = "OVERDUE";
    static final String SYSTEM = "system";
    static final String COMPLAINANT = "complainant";

    /** @param kind what kind of thing; @param reference its number, code or name */
    record About(AboutKind kind, String reference) {}

    /**
     * Who complains: an applicant (their token's subject) or someone known only by a contact.
     *
     * @param subject the applicant's subject, or null
     * @param contact the contact of an anonymous complainant, or null
     */
    record Complainant(String subject, Contact contact) {
        boolean anonymous() {
            return subject == null;
        }
    }

    /**
     * The department answering for the complaint and its time limit.
     *
     * @param department the department code
     * @param region whose calendar counts
     * @param startedOn the day the clock started (filing or assignment; it does not count)
     * @param dueOn the last working day of the limit
     * @param overdueOn the first working day past it
     */
    record Responsibility(String department, String region, LocalDate startedOn, LocalDate dueOn, LocalDate overdueOn) {

        static Responsibility of(String department, String region, LocalDate start, int days, WorkingDayCalendar c) {
            return new Responsibility(
                    department, region, start, c.plusWorkingDays(start, days), c.plusWorkingDays(start, days + 1));
        }
    }

    /** A reply, an escalation or a resolution: what, by whom, when. */
    record Act(String text, String by, Instant at) {}

    /** One line of the complaint's record: who did what when. */
    record Entry(Instant at, String actor, String action, String note) {}

    /** An event to publish: its CloudEvents type and payload. */
    record Raised(String type, String department, Object data) {}

    private final String number;
    private final Instant filedAt;
    private final Channel channel;
    private final About about;
    private final String description;
    private final Complainant complainant;
    private final String accessCodeHash;
    private final String recordedBy;
    private final int limitDays;
    private Responsibility responsibility;
    private Status status;
    private Act reply;
    private Act escalation;
    private String escalationReason;
    private Instant overdueAt;
    private Act resolution;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Raised> raised = new ArrayList<>();

    Complaint(
            String number,
            Instant filedAt,
            Channel channel,
            About about,
            String description,
            Complainant complainant,
            String accessCodeHash,
            String recordedBy,
            int limitDays,
            Responsibility responsibility,
            Status status,
            Act reply,
            Act escalation,
            String escalationReason,
            Instant overdueAt,
            Act resolution) {
        this.number = number;
        this.filedAt = filedAt;
        this.channel = channel;
        this.about = about;
        this.description = description;
        this.complainant = complainant;
        this.accessCodeHash = accessCodeHash;
        this.recordedBy = recordedBy;
        this.limitDays = limitDays;
        this.responsibility = responsibility;
        this.status = status;
        this.reply = reply;
        this.escalation = escalation;
        this.escalationReason = escalationReason;
        this.overdueAt = overdueAt;
        this.resolution = resolution;
    }

    /**
     * A new complaint; its clock starts on {@code today} when the department is known ({@code responsibility}),
     * else when a supervisor assigns one.
     *
     * @param actor who filed it: the applicant, the clerk who recorded it, or {@code complainant} (anonymous)
     */
    static Complaint file(
            String number,
            Instant at,
            Channel channel,
            About about,
            String description,
            Complainant complainant,
            String accessCodeHash,
            String recordedBy,
            int limitDays,
            Responsibility responsibility,
            String actor) {
        if (complainant.anonymous() && (complainant.contact() == null || accessCodeHash == null)) {
            throw new IllegalArgumentException("an anonymous complaint needs a contact and an access code");
        }
        var c = new Complaint(
                number,
                at,
                channel,
                about,
                description,
                complainant,
                accessCodeHash,
                recordedBy,
                limitDays,
                responsibility,
                Status.OPEN,
                null,
                null,
                null,
                null,
                null);
        c.record(at, actor, "FILED", responsibility == null ? "no department yet" : responsibility.department());
        c.raise(
                ComplaintFiled.TYPE,
                new ComplaintFiled(
                        number,
                        about.kind().name(),
                        about.reference(),
                        channel.name(),
                        complainant.anonymous(),
                        c.department(),
                        limitDays,
                        responsibility == null ? null : responsibility.dueOn(),
                        at,
                        complainant.subject()));
        c.tellAnonymous(ComplainantNotice.RECEIVED);
        return c;
    }

    /** A supervisor names the department of a complaint that had none; its clock starts today. */
    void assign(Responsibility to, String supervisor, Instant at) {
        if (responsibility != null) {
            throw Refusal.conflict(
                    "complaint-assigned",
                    "Department already responsible",
                    "complaint " + number + " is handled by " + responsibility.department());
        }
        requireNot(Status.RESOLVED, "assign");
        responsibility = to;
        record(at, supervisor, "ASSIGNED", to.department());
    }

    /** The responsible department replies, once; after an escalation for being overdue too (late). */
    void reply(String text, String by, Instant at, LocalDate today) {
        if (reply != null) {
            throw Refusal.conflict("complaint-replied", "Already replied", "complaint " + number + " has its reply");
        }
        requireNot(Status.RESOLVED, "reply");
        if (responsibility == null) {
            throw Refusal.conflict("complaint-unassigned", "No department", "no department handles " + number);
        }
        reply = new Act(text, by, at);
        if (status == Status.OPEN) {
            status = Status.REPLIED;
        }
        boolean onTime = !today.isAfter(responsibility.dueOn());
        record(at, by, "REPLIED", onTime ? "on time" : "late");
        raise(
                ComplaintReplied.TYPE,
                new ComplaintReplied(
                        number, department(), by, at, responsibility.dueOn(), onTime, complainant.subject()));
        tellAnonymous(ComplainantNotice.REPLIED);
    }

    /** The complainant is not satisfied with the reply: the supervisors take the complaint over. */
    void escalateByComplainant(String why, Instant at) {
        if (status != Status.REPLIED) {
            throw Refusal.conflict(
                            "complaint-not-replied",
                            "Nothing to escalate",
                            "a complaint is escalated once its department replied; " + number + " is " + status)
                    .with("status", status.name());
        }
        escalate(UNSATISFIED, COMPLAINANT, why, at);
    }

    /**
     * Marks the complaint overdue when the department has not replied by the end of its limit: once (false when
     * it is not overdue or was marked already); an open complaint is escalated to the supervisors.
     */
    boolean markOverdue(Instant at, LocalDate today) {
        if (overdueAt != null || !overdue(today)) {
            return false;
        }
        overdueAt = at;
        record(at, SYSTEM, "OVERDUE", "due " + responsibility.dueOn());
        raise(
                ComplaintOverdue.TYPE,
                new ComplaintOverdue(
                        number, department(), responsibility.dueOn(), at, List.of("department-head", "supervisor")));
        if (status == Status.OPEN) {
            escalate(OVERDUE, SYSTEM, "not replied by " + responsibility.dueOn(), at);
        }
        return true;
    }

    /** A supervisor closes an escalated complaint with what was done. */
    void resolve(String text, String supervisor, Instant at) {
        if (status != Status.ESCALATED) {
            throw Refusal.conflict(
                            "complaint-not-escalated",
                            "Not escalated",
                            "supervisors resolve escalated complaints; " + number + " is " + status)
                    .with("status", status.name());
        }
        resolution = new Act(text, supervisor, at);
        status = Status.RESOLVED;
        record(at, supervisor, "RESOLVED", null);
    }

    /** Whether the department has not replied and its limit has passed (whether marked yet or not). */
    boolean overdue(LocalDate today) {
        return overdueAt != null
                || (reply == null
                        && status != Status.RESOLVED
                        && responsibility != null
                        && !today.isBefore(responsibility.overdueOn()));
    }

    private void escalate(String reason, String by, String why, Instant at) {
        status = Status.ESCALATED;
        escalation = new Act(why, by, at);
        escalationReason = reason;
        record(at, by, "ESCALATED", reason + (why == null ? "" : ": " + why));
        raise(
                ComplaintEscalated.TYPE,
                new ComplaintEscalated(number, department(), reason, by, at, List.of("supervisor")));
    }

    private void requireNot(Status forbidden, String action) {
        if (status == forbidden) {
            throw Refusal.conflict("illegal-transition", "Not possible now", "complaint " + number + " is " + status)
                    .with("status", status.name())
                    .with("action", action);
        }
    }

    private void record(Instant at, String actor, String action, String note) {
        entries.add(new Entry(at, actor, action, note));
    }

    private void raise(String type, Object data) {
        raised.add(new Raised(type, department(), data));
    }

    /**
     * An anonymous complainant is told at the contact they gave, by an event of its own without a department (no
     * department system receives it; the complaint's other events never carry the contact).
     */
    private void tellAnonymous(String notice) {
        if (!complainant.anonymous() || complainant.contact() == null) {
            return;
        }
        Contact contact = complainant.contact();
        raised.add(new Raised(
                ComplainantNotice.TYPE,
                null,
                new ComplainantNotice(
                        number,
                        notice,
                        new ComplainantNotice.Complainant(contact.name(), contact.phone(), contact.email(), "zh-CN"),
                        department(),
                        responsibility == null ? null : responsibility.dueOn())));
    }

    /** The entries recorded since the last call, for the store. */
    List<Entry> pullEntries() {
        var pulled = List.copyOf(entries);
        entries.clear();
        return pulled;
    }

    /** The events raised since the last call, for the outbox. */
    List<Raised> pullRaised() {
        var pulled = List.copyOf(raised);
        raised.clear();
        return pulled;
    }

    String department() {
        return responsibility == null ? null : responsibility.department();
    }

    String number() {
        return number;
    }

    Instant filedAt() {
        return filedAt;
    }

    Channel channel() {
        return channel;
    }

    About about() {
        return about;
    }

    String description() {
        return description;
    }

    Complainant complainant() {
        return complainant;
    }

    String accessCodeHash() {
        return accessCodeHash;
    }

    String recordedBy() {
        return recordedBy;
    }

    int limitDays() {
        return limitDays;
    }

    Responsibility responsibility() {
        return responsibility;
    }

    Status status() {
        return status;
    }

    Act reply() {
        return reply;
    }

    Act escalation() {
        return escalation;
    }

    String escalationReason() {
        return escalationReason;
    }

    Instant overdueAt() {
        return overdueAt;
    }

    Act resolution() {
        return resolution;
    }
}
