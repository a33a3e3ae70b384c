package org.runonce.approval.cases;

import java.util.List;
import org.runonce.starter.domain.Refusal;

/**
 * Where a case stands in its procedure: the current step, completed one by one up to the decision step; special
 * procedures only where the current step allows them.
 */
final class Progress {

    private final String caseNumber;
    private final Procedure procedure;
    private int stepIndex;

    Progress(String caseNumber, Procedure procedure, int stepIndex) {
        this.caseNumber = caseNumber;
        this.procedure = procedure;
        this.stepIndex = stepIndex;
    }

    /** Completes the current step; returns its code. */
    String advance() {
        if (atDecisionStep()) {
            throw Refusal.conflict(
                    "at-decision-step",
                    "At the decision step",
                    "case " + caseNumber + " is at its decision step " + step() + ": approve or reject it");
        }
        String completed = step();
        stepIndex++;
        return completed;
    }

    void requireDecisionStep() {
        if (stepIndex != procedure.decisionIndex()) {
            throw Refusal.conflict(
                            "not-at-decision-step",
                            "Not at the decision step",
                            "case " + caseNumber + " is at step " + step() + "; complete it first (advance) to reach "
                                    + procedure.step(procedure.decisionIndex()).code())
                    .with("step", step());
        }
    }

    void requireSpecialProcedure(String code, String itemCode) {
        var allowed = current().specialProcedures();
        if (!allowed.contains(code)) {
            throw Refusal.unprocessable(
                            "procedure-not-in-step",
                            "Special procedure not in this step",
                            "step " + step() + " of " + itemCode + " allows "
                                    + (allowed.isEmpty() ? "no special procedure" : allowed))
                    .with("allowed", allowed);
        }
    }

    /** An approved case ends in its ISSUE step (or its decision step when there is none). */
    void finish() {
        stepIndex = procedure.finalIndex();
    }

    /** What completes this step, for user interfaces. */
    List<String> stepActions() {
        return atDecisionStep() ? List.of("approve", "reject") : List.of("advance");
    }

    boolean allowsSpecialProcedures() {
        return !current().specialProcedures().isEmpty();
    }

    String step() {
        return current().code();
    }

    int index() {
        return stepIndex;
    }

    Procedure procedure() {
        return procedure;
    }

    private boolean atDecisionStep() {
        return stepIndex >= procedure.decisionIndex();
    }

    private Procedure.Step current() {
        return procedure.step(stepIndex);
    }
}
