package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.shared.Refusals;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.Name;

/**
 * One item of an application, handled by one department. The case owns its state changes: every method checks that
 * it is legal in the current status (and step) and refuses with a problem otherwise.
 */
public final class Case {

    final String number;
    final String applicationNumber;
    final String bundleCode;
    final String itemCode;
    final int itemVersion;
    final Name itemName;
    final String departmentCode;
    final String region;
    final String handlingMode;
    final Applicant applicant;
    final Procedure procedure;
    final Instant acceptedAt;
    final Instant openedAt;
    final int promisedDays;

    Status status;
    int stepIndex;
    String assignee;
    Instant assignedAt;
    LocalDate startedOn;
    int suspendedDays;
    LocalDate pausedSince;
    String pauseKind;
    LocalDate stoppedOn;
    Instant warnedAt;
    Instant overdueAt;
    int supplementCount;
    String secondSupplementApprover;
    String secondSupplementReason;
    Instant secondSupplementAt;
    Decision decision;
    Instant withdrawnAt;
    String withdrawalReason;

    /**
     * The decision.
     *
     * @param outcome APPROVED or REJECTED
     * @param reason reasoning (required for a rejection)
     * @param legalBasis legal basis (required for a rejection)
     * @param decidedAt when
     * @param decidedBy who
     * @param atWindow decided by an authorized window clerk at acceptance
     * @param delegationId the window delegation used, or null
     * @param daysUsed working days used
     * @param onTime within the promised time
     * @param certificateNumber the certificate issued, or null
     */
    public record Decision(
            Status outcome,
            String reason,
            String legalBasis,
            Instant decidedAt,
            String decidedBy,
            boolean atWindow,
            Long delegationId,
            int daysUsed,
            boolean onTime,
            String certificateNumber) {

        Decision withCertificate(String number) {
            return new Decision(
                    outcome,
                    reason,
                    legalBasis,
                    decidedAt,
                    decidedBy,
                    atWindow,
                    delegationId,
                    daysUsed,
                    onTime,
                    number);
        }
    }

    Case(
            String number,
            String applicationNumber,
            String bundleCode,
            String itemCode,
            int itemVersion,
            Name itemName,
            String departmentCode,
            String region,
            String handlingMode,
            Applicant applicant,
            Procedure procedure,
            Instant acceptedAt,
            Instant openedAt,
            int promisedDays) {
        this.number = number;
        this.applicationNumber = applicationNumber;
        this.bundleCode = bundleCode;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.itemName = itemName;
        this.departmentCode = departmentCode;
        this.region = region;
        this.handlingMode = handlingMode;
        this.applicant = applicant;
        this.procedure = procedure;
        this.acceptedAt = acceptedAt;
        this.openedAt = openedAt;
        this.promisedDays = promisedDays;
    }

    /**
     * A new case: waiting (clock not started) when it depends on undecided cases, else pending with the clock started
     * on {@code clockStart}.
     */
    static Case open(
            String number,
            String applicationNumber,
            String bundleCode,
            String itemCode,
            int itemVersion,
            Name itemName,
            String departmentCode,
            String region,
            String handlingMode,
            Applicant applicant,
            Procedure procedure,
            Instant acceptedAt,
            Instant now,
            int promisedDays,
            boolean waiting,
            LocalDate clockStart) {
        var c = new Case(
                number,
                applicationNumber,
                bundleCode,
                itemCode,
                itemVersion,
                itemName,
                departmentCode,
                region,
                handlingMode,
                applicant,
                procedure,
                acceptedAt,
                now,
                promisedDays);
        c.status = waiting ? Status.WAITING : Status.PENDING;
        c.startedOn = waiting ? null : clockStart;
        return c;
    }

    // ---- queue ------------------------------------------------------------------------------------------------

    void claim(String reviewer, Instant now) {
        requireOpen("claim");
        if (assignee != null && !assignee.equals(reviewer)) {
            throw claimedByOther();
        }
        assignee = reviewer;
        assignedAt = now;
    }

    void assign(String reviewer, Instant now) {
        requireOpen("assign");
        assignee = reviewer;
        assignedAt = now;
    }

    void release() {
        requireOpen("release");
        if (assignee == null) {
            throw Refusals.conflict("not-assigned", "Not assigned", "case " + number + " is not assigned to anyone");
        }
        assignee = null;
        assignedAt = null;
    }

    // ---- review -----------------------------------------------------------------------------------------------

    void startReview(String reviewer, Instant now) {
        require("start-review", Status.PENDING);
        if (assignee == null) {
            assignee = reviewer;
            assignedAt = now;
        }
        status = Status.IN_REVIEW;
    }

    /** Completes the current step; returns its code. */
    String advance() {
        require("advance", Status.IN_REVIEW);
        if (stepIndex >= procedure.decisionIndex()) {
            throw Refusals.conflict(
                    "at-decision-step",
                    "At the decision step",
                    "case " + number + " is at its decision step " + step() + ": approve or reject it");
        }
        String completed = step();
        stepIndex++;
        return completed;
    }

    /**
     * Asks the applicant for a supplement (the clock stops); returns the request number. The second request needs a
     * department head's approval first; there is no third.
     */
    int requestSupplement(LocalDate today) {
        require("request-supplement", Status.IN_REVIEW);
        if (supplementCount >= 2) {
            throw Refusals.conflict(
                    "supplements-exhausted", "No more supplements", "case " + number + " had its two supplements");
        }
        if (supplementCount == 1 && secondSupplementApprover == null) {
            throw Refusals.conflict(
                    "second-supplement-not-approved",
                    "Second supplement needs approval",
                    "case " + number + " already asked for a supplement once (一次性告知); a second request needs a"
                            + " department head's approval with a reason");
        }
        supplementCount++;
        pause("SUPPLEMENT", Status.SUPPLEMENT_REQUESTED, today);
        return supplementCount;
    }

    /** A department head allows one more supplement request, with a reason. */
    void approveSecondSupplement(String head, String reason, Instant now) {
        requireOpen("approve-second-supplement");
        if (supplementCount == 0) {
            throw Refusals.conflict(
                    "first-supplement-unused",
                    "First supplement not used",
                    "case " + number + " has not asked for a supplement yet: the first needs no approval");
        }
        if (supplementCount >= 2 || secondSupplementApprover != null) {
            throw Refusals.conflict(
                    "second-supplement-already-approved",
                    "Already approved",
                    "case " + number + " already has its second supplement approved");
        }
        secondSupplementApprover = head;
        secondSupplementReason = reason;
        secondSupplementAt = now;
    }

    /** Starts a special procedure of the current step (the clock stops). */
    void suspend(String procedureCode, LocalDate today) {
        require("suspend", Status.IN_REVIEW);
        var allowed = currentStep().specialProcedures();
        if (!allowed.contains(procedureCode)) {
            throw Refusals.unprocessable(
                            "procedure-not-in-step",
                            "Special procedure not in this step",
                            "step " + step() + " of " + itemCode + " allows "
                                    + (allowed.isEmpty() ? "no special procedure" : allowed))
                    .with("allowed", allowed);
        }
        pause(procedureCode, Status.SUSPENDED, today);
    }

    /** Ends the current pause; returns what paused and how many working days it lasted. */
    Pause resume(LocalDate today, WorkingDayCalendar calendar) {
        if (!status.isPaused()) {
            throw illegal("resume");
        }
        int days = clockState().currentPause(calendar, today);
        var ended = new Pause(pauseKind, pausedSince, days);
        suspendedDays += days;
        pausedSince = null;
        pauseKind = null;
        status = Status.IN_REVIEW;
        return ended;
    }

    /**
     * A pause that ended.
     *
     * @param kind SUPPLEMENT or the special procedure
     * @param since the day it began
     * @param workingDays working days it lasted
     */
    record Pause(String kind, LocalDate since, int workingDays) {}

    private void pause(String kind, Status pausedStatus, LocalDate today) {
        status = pausedStatus;
        pausedSince = today;
        pauseKind = kind;
    }

    // ---- decisions --------------------------------------------------------------------------------------------

    void approve(
            String actor, String reason, String legalBasis, Instant now, LocalDate today, WorkingDayCalendar calendar) {
        requireDecisionStep("approve");
        decide(Status.APPROVED, actor, reason, legalBasis, now, today, calendar, false, null);
    }

    void reject(
            String actor, String reason, String legalBasis, Instant now, LocalDate today, WorkingDayCalendar calendar) {
        requireDecisionStep("reject");
        requireReasonAndBasis(reason, legalBasis);
        decide(Status.REJECTED, actor, reason, legalBasis, now, today, calendar, false, null);
    }

    /** An authorized window clerk decides a just opened case on the spot (授权到位). */
    void decideAtWindow(
            Status outcome,
            String clerk,
            String reason,
            String legalBasis,
            long delegationId,
            Instant now,
            LocalDate today,
            WorkingDayCalendar calendar) {
        if (status != Status.PENDING) {
            throw illegal("decide-at-window");
        }
        if (outcome == Status.REJECTED) {
            requireReasonAndBasis(reason, legalBasis);
        }
        if (assignee == null) {
            assignee = clerk;
            assignedAt = now;
        }
        decide(outcome, clerk, reason, legalBasis, now, today, calendar, true, delegationId);
    }

    /** A case that waited for a case now rejected cannot proceed: rejected by the system, saying why. */
    void rejectForPrerequisite(String prerequisiteCase, Instant now, LocalDate today, WorkingDayCalendar calendar) {
        require("reject-for-prerequisite", Status.WAITING);
        decide(
                Status.REJECTED,
                "system",
                "前置事项未获批准 / prerequisite case " + prerequisiteCase + " was not approved",
                "前置事项为本事项的办理条件 / the prerequisite's approval is a condition of this item",
                now,
                today,
                calendar,
                false,
                null);
    }

    private void decide(
            Status outcome,
            String actor,
            String reason,
            String legalBasis,
            Instant now,
            LocalDate today,
            WorkingDayCalendar calendar,
            boolean atWindow,
            Long delegationId) {
        if (startedOn != null) {
            stoppedOn = today;
        }
        CaseClock clock = clock(today, calendar);
        decision = new Decision(
                outcome,
                blankToNull(reason),
                blankToNull(legalBasis),
                now,
                actor,
                atWindow,
                delegationId,
                clock.workingDaysUsed(),
                clock.workingDaysUsed() <= promisedDays,
                null);
        status = outcome;
        if (outcome == Status.APPROVED) {
            stepIndex = procedure.finalIndex();
        }
    }

    void certificateIssued(String certificateNumber) {
        if (status != Status.APPROVED) {
            throw illegal("issue-certificate");
        }
        decision = decision.withCertificate(certificateNumber);
    }

    // ---- dependencies, withdrawal, deadlines -------------------------------------------------------------------

    /** Every case this one waited for was approved: its clock starts today. */
    void start(LocalDate today) {
        require("start", Status.WAITING);
        status = Status.PENDING;
        startedOn = today;
    }

    /** Closes the case undecided; returns the working days of the pause it ended, or null when none ran. */
    Integer withdraw(String reason, Instant now, LocalDate today, WorkingDayCalendar calendar) {
        requireOpen("withdraw");
        Integer paused = null;
        if (pausedSince != null) {
            paused = clockState().currentPause(calendar, today);
            suspendedDays += paused;
            pausedSince = null;
            pauseKind = null;
        }
        if (startedOn != null) {
            stoppedOn = today;
        }
        status = Status.WITHDRAWN;
        withdrawnAt = now;
        withdrawalReason = blankToNull(reason);
        return paused;
    }

    boolean warn(Instant now) {
        if (warnedAt != null || status.isFinal()) {
            return false;
        }
        warnedAt = now;
        return true;
    }

    boolean markOverdue(Instant now) {
        if (overdueAt != null || status.isFinal()) {
            return false;
        }
        overdueAt = now;
        return true;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public String number() {
        return number;
    }

    public String applicationNumber() {
        return applicationNumber;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String itemCode() {
        return itemCode;
    }

    public Status status() {
        return status;
    }

    public String assignee() {
        return assignee;
    }

    public String step() {
        return currentStep().code();
    }

    Procedure.Step currentStep() {
        return procedure.step(stepIndex);
    }

    WorkingDayClock clockState() {
        return new WorkingDayClock(promisedDays, startedOn, suspendedDays, pausedSince, stoppedOn);
    }

    /** The clock as of {@code today}. */
    public CaseClock clock(LocalDate today, WorkingDayCalendar calendar) {
        return clockState().on(today, calendar, warnedAt != null, overdueAt != null);
    }

    /** What can be done with the case now, for user interfaces (the methods still check). */
    List<String> actions() {
        List<String> actions = new ArrayList<>();
        if (status.isFinal()) {
            return actions;
        }
        actions.add(assignee == null ? "claim" : "release");
        actions.add("assign");
        switch (status) {
            case PENDING -> actions.add("start-review");
            case IN_REVIEW -> {
                if (stepIndex < procedure.decisionIndex()) {
                    actions.add("advance");
                } else {
                    actions.add("approve");
                    actions.add("reject");
                }
                if (supplementCount == 0 || (supplementCount == 1 && secondSupplementApprover != null)) {
                    actions.add("request-supplement");
                }
                if (!currentStep().specialProcedures().isEmpty()) {
                    actions.add("suspend");
                }
            }
            case SUPPLEMENT_REQUESTED, SUSPENDED -> actions.add("resume");
            default -> {}
        }
        if (supplementCount == 1 && secondSupplementApprover == null) {
            actions.add("approve-second-supplement");
        }
        return actions;
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    private void requireDecisionStep(String action) {
        require(action, Status.IN_REVIEW);
        if (stepIndex != procedure.decisionIndex()) {
            throw Refusals.conflict(
                            "not-at-decision-step",
                            "Not at the decision step",
                            "case " + number + " is at step " + step() + "; complete it first (advance) to reach "
                                    + procedure.step(procedure.decisionIndex()).code())
                    .with("step", step());
        }
    }

    private static void requireReasonAndBasis(String reason, String legalBasis) {
        if (blankToNull(reason) == null || blankToNull(legalBasis) == null) {
            throw Refusals.unprocessable(
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

    private RuntimeException illegal(String action) {
        return Refusals.conflict(
                        "illegal-transition",
                        "Not possible in this status",
                        "case " + number + " is " + status + ": " + action + " is not possible")
                .with("status", status.name())
                .with("action", action)
                .with("allowedActions", actions());
    }

    private RuntimeException claimedByOther() {
        return Refusals.conflict(
                        "claimed-by-other",
                        "Claimed by another reviewer",
                        "case " + number + " is assigned to " + assignee)
                .with("assignee", assignee);
    }

    /** Refusal for a reviewer acting on a case assigned to someone else. */
    void requireAssigneeOrHead(String username, boolean head) {
        if (!head && assignee != null && !assignee.equals(username)) {
            throw claimedByOther();
        }
        if (!head && assignee == null && status != Status.PENDING) {
            throw Refusals.conflict("not-assigned", "Not assigned", "claim case " + number + " before acting on it");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
