package org.runonce.contracts.approval;

import java.time.LocalDate;

/**
 * A special procedure of the current step started (特别程序): the clock stops until {@link CaseResumed}.
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status {@code SUSPENDED}
 * @param step the current step
 * @param assignee the reviewer
 * @param actor the reviewer
 * @param clock the time limit, stopped
 * @param procedure SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
 * @param expectedWorkingDays how long it is expected to take
 * @param expectedEnd the working day it is expected to end
 * @param reason why
 */
public record CaseSuspended(
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
        String procedure,
        int expectedWorkingDays,
        LocalDate expectedEnd,
        String reason)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.suspended.v1";
}
