package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The clock runs again: a special procedure ended or the requested supplement was received. The due date moved
 * back by exactly {@code pausedWorkingDays}.
 *
 * @param header the case after the event (status: {@code IN_REVIEW}; step: the current step; assignee: the reviewer; actor: who resumed it; clock: the time limit, running, with the new due date)
 * @param pause what ended: SUPPLEMENT, SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
 * @param pausedWorkingDays working days this pause lasted (not counted)
 * @param note remark, or null
 */
public record CaseResumed(@JsonUnwrapped CaseHeader header, String pause, int pausedWorkingDays, String note)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.resumed.v1";
}
