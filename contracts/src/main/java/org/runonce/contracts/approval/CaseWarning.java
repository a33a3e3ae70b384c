package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * At least 80% of the promised working days are used and the case is undecided: raised once per case,
 * escalated to the department head and to supervisors.
 *
 * @param header the case after the event (status: the status (not final); step: the current step; assignee: the reviewer, or null when nobody claimed it; actor: {@code system}; clock: the time limit)
 * @param detectedAt when the case was found to have reached 80%
 * @param escalatedTo the roles told: {@code department-head}, {@code supervisor}
 */
public record CaseWarning(@JsonUnwrapped CaseHeader header, Instant detectedAt, List<String> escalatedTo)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.warning.v1";
}
