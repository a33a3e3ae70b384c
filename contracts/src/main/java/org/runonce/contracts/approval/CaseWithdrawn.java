package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * The applicant withdrew the application (received from intake); the case is closed undecided.
 *
 * @param header the case after the event (status: {@code WITHDRAWN}; step: the step it was in; assignee: the reviewer, or null; actor: who recorded it ({@code system} for a withdrawal received from intake); clock: the time limit, stopped for good)
 * @param reason the applicant's reason, or null
 * @param withdrawnAt when
 */
public record CaseWithdrawn(@JsonUnwrapped CaseHeader header, String reason, Instant withdrawnAt) implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.withdrawn.v1";
}
