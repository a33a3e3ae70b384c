package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * The promised time limit passed and the case is undecided: raised once per case, escalated to the
 * department head and to supervisors.
 *
 * @param header the case after the event (status: the status (not final); step: the current step; assignee: the reviewer, or null when nobody claimed it; actor: {@code system}; clock: the time limit)
 * @param detectedAt when the case was found to have became overdue
 * @param escalatedTo the roles told: {@code department-head}, {@code supervisor}
 */
public record CaseOverdue(@JsonUnwrapped CaseHeader header, Instant detectedAt, List<String> escalatedTo)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.overdue.v1";
}
