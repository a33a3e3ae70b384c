package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A reviewer started reviewing a case.
 *
 * @param header the case after the event (status: {@code IN_REVIEW}; step: the step reviewed; assignee: the reviewer; actor: the reviewer; clock: the time limit)
 */
public record ReviewStarted(@JsonUnwrapped CaseHeader header) implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.review-started.v1";
}
