package org.runonce.contracts.approval;

/**
 * A case completed one procedure step of its item version and moved to the next one (e.g. REVIEW to DECIDE).
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status the status (unchanged, usually {@code IN_REVIEW})
 * @param step the step now current
 * @param assignee the reviewer
 * @param actor who completed the step
 * @param clock the time limit
 * @param completedStep the step completed
 * @param note the reviewer's note, or null
 */
public record StepAdvanced(
        String applicationNumber,
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        String status,
        String step,
        String assignee,
        String actor,
        CaseClock clock,
        String completedStep,
        String note)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.step-advanced.v1";
}
