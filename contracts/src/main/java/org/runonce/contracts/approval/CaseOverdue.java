package org.runonce.contracts.approval;

import java.time.Instant;
import java.util.List;

/**
 * The promised time limit passed and the case is undecided: raised once per case, escalated to the
 * department head and to supervisors.
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status the status (not final)
 * @param step the current step
 * @param assignee the reviewer, or null when nobody claimed it
 * @param actor {@code system}
 * @param clock the time limit
 * @param detectedAt when the case was found to have became overdue
 * @param escalatedTo the roles told: {@code department-head}, {@code supervisor}
 */
public record CaseOverdue(
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
        Instant detectedAt,
        List<String> escalatedTo)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.overdue.v1";
}
