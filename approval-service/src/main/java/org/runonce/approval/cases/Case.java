package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.starter.domain.Refusal;

/**
 * One item of an application, handled by one department: the aggregate. It owns its parts: who works on it
 * ({@link Assignment}), its clock with the pauses ({@link Stopwatch}), its {@link Supplements}, its
 * {@link CaseMaterials} and its {@link Prerequisites}. Every change checks that it is legal in the current status
 * (and step), refuses otherwise, and records what happened ({@link Journal.Entry}: the audit entry and the event),
 * which {@link Cases} hands to the {@link Journal} when it saves the case.
 */
final class Case {

    private final Subject subject;
    private final Assignment assignment;
    private final Stopwatch stopwatch;
    private final Supplements supplements;
    private final CaseMaterials materials;
    private final Prerequisites prerequisites;
    private final List<Journal.Entry> recorded = new ArrayList<>();
    private Status status;
    private final Progress progress;
    private Decision decision;
    private Instant withdrawnAt;
    private String withdrawalReason;

    /** Where the case stands in its procedure, and how it ended, as stored. */
    record State(Status status, int stepIndex, Decision decision, Instant withdrawnAt, String withdrawalReason) {

        static final State PENDING = new State(Status.PENDING, 0, null, null, null);
        static final State WAITING = new State(Status.WAITING, 0, null, null, null);
    }

    Case(Subject subject, State state, CaseParts parts) {
        this.subject = subject;
        this.assignment = parts.assignment();
        this.stopwatch = parts.stopwatch();
        this.supplements = parts.supplements();
        this.materials = parts.materials();
        this.prerequisites = parts.prerequisites();
        this.status = state.status();
        this.progress = new Progress(subject.number(), subject.procedure(), state.stepIndex());
        this.decision = state.decision();
        this.withdrawnAt = state.withdrawnAt();
        this.withdrawalReason = state.withdrawalReason();
    }

    /** A new case: waiting (clock not started) when it needs undecided cases, else pending with the clock started. */
    static Case open(Opening o, String actor, Moment m) {
        boolean waiting = !o.waitingFor().isEmpty();
        var s = o.subject();
        var c = new Case(
                s,
                waiting ? State.WAITING : State.PENDING,
                CaseParts.fresh(s.number(), o.promisedDays(), waiting ? null : o.clockStart(), o.prerequisites()));
        c.materials.add(o.materials(), m.now());
        c.record("OPENED", actor, null, CaseEvents.opened(c.header(actor, m), o));
        return c;
    }

    void claim(String reviewer, Instant now) {
        requireOpen("claim");
        audit("CLAIMED", reviewer, null, assignment.claim(reviewer, now));
    }

    void assign(String reviewer, String head, String reason, Instant now) {
        requireOpen("assign");
        audit("ASSIGNED", head, reason, assignment.assign(reviewer, now));
    }

    void release(String actor, String reason) {
        requireOpen("release");
        audit("RELEASED", actor, reason, assignment.release());
    }

    /** Refusal for a reviewer acting on a case assigned to someone else. */
    void requireAssigneeOrHead(String username, boolean head) {
        assignment.requireAssigneeOrHead(username, head, status == Status.PENDING);
    }

    void startReview(String reviewer, Moment m) {
        require("start-review", Status.PENDING);
        assignment.takeIfFree(reviewer, m.now());
        status = Status.IN_REVIEW;
        record("REVIEW_STARTED", reviewer, null, CaseEvents.reviewStarted(header(reviewer, m)));
    }

    /** Completes the current step; returns its code. */
    String advance(String actor, String note, Moment m) {
        require("advance", Status.IN_REVIEW);
        String completed = progress.advance();
        record("STEP_ADVANCED", actor, note, CaseEvents.stepAdvanced(header(actor, m), completed, note));
        return completed;
    }

    /** Asks the applicant for a supplement listing everything (the clock stops); returns the request number. */
    int requestSupplement(
            String actor, List<SupplementRequested.RequestedMaterial> requested, String reason, Moment m) {
        require("request-supplement", Status.IN_REVIEW);
        var request = supplements.request(actor, requested, reason, m.now());
        status = Status.SUPPLEMENT_REQUESTED;
        stopwatch.pause(Stopwatch.Pause.begin("SUPPLEMENT", reason, m.today(), m.now()));
        var event = CaseEvents.supplementRequested(header(actor, m), request, requested);
        record("SUPPLEMENT_REQUESTED", actor, reason, event);
        return request.requestNumber();
    }

    /** A department head allows one more supplement request, with a reason. */
    void approveSecondSupplement(String head, String reason, Instant now) {
        requireOpen("approve-second-supplement");
        supplements.approveSecond(head, reason, now);
        audit("SECOND_SUPPLEMENT_APPROVED", head, reason, Map.of("approvedBy", head));
    }

    /** Starts a special procedure of the current step for about {@code expectedDays} (the clock stops). */
    void suspend(String actor, String procedureCode, int expectedDays, String reason, Moment m) {
        require("suspend", Status.IN_REVIEW);
        progress.requireSpecialProcedure(procedureCode, subject.itemCode());
        var pause = Stopwatch.Pause.begin(procedureCode, reason, m.today(), m.now())
                .expecting(expectedDays, m.calendar().plusWorkingDays(m.today(), expectedDays));
        status = Status.SUSPENDED;
        stopwatch.pause(pause);
        record("SUSPENDED", actor, reason, CaseEvents.suspended(header(actor, m), pause));
    }

    /** Ends the suspension, or records the supplement received; the clock runs again. Returns the pause ended. */
    Stopwatch.Ended resume(String actor, String note, Moment m) {
        if (!status.isPaused()) {
            throw illegal("resume");
        }
        var ended = stopwatch.resume(m.today(), m.now(), m.calendar());
        if ("SUPPLEMENT".equals(ended.kind())) {
            supplements.received(m.now(), actor);
        }
        status = Status.IN_REVIEW;
        record("RESUMED", actor, note, CaseEvents.resumed(header(actor, m), ended, note));
        return ended;
    }

    /** Materials handed in at intake after acceptance (a 容缺 pledge fulfilled, or the supplement asked for). */
    void supplied(List<MaterialReference> references, Moment m) {
        materials.add(references, m.now());
        audit("MATERIALS_SUPPLIED", "system", null, Map.of("materials", references));
        if (status == Status.SUPPLEMENT_REQUESTED) {
            resume("system", "补正材料已提交 / supplement received at intake", m);
        }
    }

    void approve(Verdict v, Moment m, CertificateNumbers certificates) {
        requireDecisionStep("approve");
        decide(Status.APPROVED, v, null, m, certificates);
        recordDecision(v.reason(), m);
    }

    void reject(Verdict v, Moment m) {
        requireDecisionStep("reject");
        requireReasonAndBasis(v);
        decide(Status.REJECTED, v, null, m, Optional::empty);
        recordDecision(v.reason(), m);
    }

    /** An authorized window clerk decides a just opened case on the spot (授权到位), under a delegation. */
    void decideAtWindow(
            Status outcome, Verdict v, long delegationId, String delegationNote, Moment m, CertificateNumbers numbers) {
        if (status != Status.PENDING) {
            throw illegal("decide-at-window");
        }
        if (outcome == Status.REJECTED) {
            requireReasonAndBasis(v);
        }
        assignment.takeIfFree(v.actor(), m.now());
        decide(outcome, v, delegationId, m, numbers);
        recordDecision(
                "授权到位 / decided at the window under delegation " + delegationId + " (" + delegationNote + ")", m);
    }

    /** A case that waited for a case now rejected cannot proceed: rejected by the system, saying why. */
    void rejectForPrerequisite(String prerequisiteCase, Moment m) {
        require("reject-for-prerequisite", Status.WAITING);
        var v = Verdict.prerequisiteNotApproved(prerequisiteCase);
        decide(Status.REJECTED, v, null, m, Optional::empty);
        recordDecision(decision.reason(), m);
    }

    private void decide(Status outcome, Verdict v, Long delegationId, Moment m, CertificateNumbers certificates) {
        stopwatch.stop(m.today(), m.now(), m.calendar());
        decision = Decision.of(outcome, v, delegationId, m.now(), clock(m));
        status = outcome;
        if (outcome == Status.APPROVED) {
            progress.finish();
            certificates.next().ifPresent(n -> decision = decision.withCertificate(n));
        }
    }

    private void recordDecision(String auditReason, Moment m) {
        var event = CaseEvents.decided(header(decision.decidedBy(), m), decision);
        record("DECIDED", decision.decidedBy(), auditReason, event);
    }

    /** Puts the certificate of a case it needed onto the materials it stands for (or as {@code fallbackCode}). */
    List<AttachedCertificate> attachCertificate(
            String fromCase, String certificateNumber, String certificateType, String fallbackCode, Instant now) {
        return materials.attachCertificate(fromCase, certificateNumber, fallbackCode, now).stream()
                .map(code -> new AttachedCertificate(code, certificateNumber, certificateType, fromCase))
                .toList();
    }

    /** Every case this one waited for was approved: its clock starts today, their certificates attached. */
    void start(List<AttachedCertificate> attached, Moment m) {
        require("start", Status.WAITING);
        status = Status.PENDING;
        stopwatch.start(m.today());
        record("STARTED", "system", null, CaseEvents.started(header("system", m), attached));
    }

    /** Closes the case undecided; returns the working days of the pause it ended, or null when none ran. */
    Integer withdraw(String reason, Moment m) {
        requireOpen("withdraw");
        var ended = stopwatch.stop(m.today(), m.now(), m.calendar());
        status = Status.WITHDRAWN;
        withdrawnAt = m.now();
        withdrawalReason = Decision.blankToNull(reason);
        var event = CaseEvents.withdrawn(header("system", m), withdrawalReason, withdrawnAt);
        record("WITHDRAWN", "system", reason, event);
        return ended == null ? null : ended.workingDays();
    }

    /** Raises the 80% warning once; false when it was raised before or the case is closed. */
    boolean warn(Moment m) {
        if (status.isFinal() || !stopwatch.warn(m.now())) {
            return false;
        }
        record("WARNED", "system", null, CaseEvents.warning(header("system", m), m.now()));
        return true;
    }

    /** Raises the overdue event once; false when it was raised before or the case is closed. */
    boolean markOverdue(Moment m) {
        if (status.isFinal() || !stopwatch.markOverdue(m.now())) {
            return false;
        }
        record("OVERDUE", "system", null, CaseEvents.overdue(header("system", m), m.now()));
        return true;
    }

    String number() {
        return subject.number();
    }

    Subject subject() {
        return subject;
    }

    Status status() {
        return status;
    }

    String assignee() {
        return assignment.assignee();
    }

    Decision decision() {
        return decision;
    }

    String step() {
        return progress.step();
    }

    State state() {
        return new State(status, progress.index(), decision, withdrawnAt, withdrawalReason);
    }

    CaseParts parts() {
        return new CaseParts(assignment, stopwatch, supplements, materials, prerequisites);
    }

    /** The clock as of {@code today}. */
    CaseClock clock(LocalDate today, WorkingDayCalendar calendar) {
        return stopwatch.on(today, calendar);
    }

    CaseClock clock(Moment m) {
        return clock(m.today(), m.calendar());
    }

    /** What was recorded since the last call, in order: {@link Cases} journals it when it saves the case. */
    List<Journal.Entry> pullEntries() {
        var entries = List.copyOf(recorded);
        recorded.clear();
        return entries;
    }

    /** What can be done with the case now, for user interfaces (the methods still check). */
    List<String> actions() {
        List<String> actions = new ArrayList<>();
        if (status.isFinal()) {
            return actions;
        }
        actions.add(assignee() == null ? "claim" : "release");
        actions.add("assign");
        switch (status) {
            case PENDING -> actions.add("start-review");
            case IN_REVIEW -> {
                actions.addAll(progress.stepActions());
                if (supplements.mayRequest()) {
                    actions.add("request-supplement");
                }
                if (progress.allowsSpecialProcedures()) {
                    actions.add("suspend");
                }
            }
            case SUPPLEMENT_REQUESTED, SUSPENDED -> actions.add("resume");
            default -> {}
        }
        if (supplements.secondAwaitsApproval()) {
            actions.add("approve-second-supplement");
        }
        return actions;
    }

    private void requireDecisionStep(String action) {
        require(action, Status.IN_REVIEW);
        progress.requireDecisionStep();
    }

    private static void requireReasonAndBasis(Verdict v) {
        if (Decision.blankToNull(v.reason()) == null || Decision.blankToNull(v.legalBasis()) == null) {
            throw Refusal.unprocessable(
                    "reason-and-legal-basis-required",
                    "Reason and legal basis required",
                    "a rejection states its reason and its legal basis");
        }
    }

    private void require(String action, Status expected) {
        if (status != expected) {
            throw illegal(action);
        }
    }

    private void requireOpen(String action) {
        if (status.isFinal()) {
            throw illegal(action);
        }
    }

    private Refusal illegal(String action) {
        return Refusal.conflict(
                        "illegal-transition",
                        "Not possible in this status",
                        "case " + number() + " is " + status + ": " + action + " is not possible")
                .with("status", status.name())
                .with("action", action)
                .with("allowedActions", actions());
    }

    /** The header every event of this case opens with, as of now. */
    private CaseHeader header(String actor, Moment m) {
        return new CaseHeader(
                subject.applicationNumber(),
                subject.number(),
                subject.itemCode(),
                subject.itemVersion(),
                subject.departmentCode(),
                status.name(),
                step(),
                assignee(),
                actor,
                clock(m));
    }

    private void record(String action, String actor, String reason, CaseEvent event) {
        recorded.add(new Journal.Entry(action, actor, reason, null, event));
    }

    private void audit(String action, String actor, String reason, Object payload) {
        recorded.add(new Journal.Entry(action, actor, reason, payload, null));
    }
}
