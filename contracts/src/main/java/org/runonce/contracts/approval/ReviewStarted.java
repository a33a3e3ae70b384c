package org.runonce.contracts.approval;

/**
 * A reviewer started reviewing a case.
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status {@code IN_REVIEW}
 * @param step the step reviewed
 * @param assignee the reviewer
 * @param actor the reviewer
 * @param clock the time limit
 */
public record ReviewStarted(
        String applicationNumber,
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        String status,
        String step,
        String assignee,
        String actor,
        CaseClock clock)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.review-started.v1";
}
