package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A case completed one procedure step of its item version and moved to the next one (e.g. REVIEW to DECIDE).
 *
 * @param header the case after the event (status: the status (unchanged, usually {@code IN_REVIEW}); step: the step now current; assignee: the reviewer; actor: who completed the step; clock: the time limit)
 * @param completedStep the step completed
 * @param note the reviewer's note, or null
 */
public record StepAdvanced(@JsonUnwrapped CaseHeader header, String completedStep, String note) implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.step-advanced.v1";
}
