package org.runonce.contracts.approval;

import java.time.Instant;

/**
 * The applicant withdrew the application (received from intake); the case is closed undecided.
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status {@code WITHDRAWN}
 * @param step the step it was in
 * @param assignee the reviewer, or null
 * @param actor who recorded it ({@code system} for a withdrawal received from intake)
 * @param clock the time limit, stopped for good
 * @param reason the applicant's reason, or null
 * @param withdrawnAt when
 */
public record CaseWithdrawn(
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
        String reason,
        Instant withdrawnAt)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.withdrawn.v1";
}
