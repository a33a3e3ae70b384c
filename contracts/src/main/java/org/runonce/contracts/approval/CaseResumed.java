package org.runonce.contracts.approval;

/**
 * The clock runs again: a special procedure ended or the requested supplement was received. The due date moved
 * back by exactly {@code pausedWorkingDays}.
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status {@code IN_REVIEW}
 * @param step the current step
 * @param assignee the reviewer
 * @param actor who resumed it
 * @param clock the time limit, running, with the new due date
 * @param pause what ended: SUPPLEMENT, SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
 * @param pausedWorkingDays working days this pause lasted (not counted)
 * @param note remark, or null
 */
public record CaseResumed(
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
        String pause,
        int pausedWorkingDays,
        String note)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.resumed.v1";
}
