package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;

/**
 * A special procedure of the current step started (特别程序): the clock stops until {@link CaseResumed}.
 *
 * @param header the case after the event (status: {@code SUSPENDED}; step: the current step; assignee: the reviewer; actor: the reviewer; clock: the time limit, stopped)
 * @param procedure SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
 * @param expectedWorkingDays how long it is expected to take
 * @param expectedEnd the working day it is expected to end
 * @param reason why
 */
public record CaseSuspended(
        @JsonUnwrapped CaseHeader header,
        String procedure,
        int expectedWorkingDays,
        LocalDate expectedEnd,
        String reason)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.suspended.v1";
}
