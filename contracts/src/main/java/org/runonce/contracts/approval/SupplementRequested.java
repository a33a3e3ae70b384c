package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The reviewer asked the applicant for a supplement: ONE request listing everything (一次性告知); the clock stops
 * until the supplement is received ({@link CaseResumed} with pause {@code SUPPLEMENT}). A second request on the same
 * case needs a department head's approval with a reason and is flagged for supervision.
 *
 * @param header the case after the event (status: {@code SUPPLEMENT_REQUESTED}; step: the current step; assignee: the reviewer; actor: the reviewer; clock: the time limit, stopped)
 * @param requestNumber 1, or 2 for an approved second request
 * @param materials everything the applicant must supplement
 * @param reason why
 * @param secondApprovedBy the department head who approved a second request, or null
 * @param secondApprovalReason the head's reason, or null
 * @param flagged whether supervision counts it (every second request)
 */
public record SupplementRequested(
        @JsonUnwrapped CaseHeader header,
        int requestNumber,
        List<RequestedMaterial> materials,
        String reason,
        String secondApprovedBy,
        String secondApprovalReason,
        boolean flagged)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.supplement-requested.v1";

    /**
     * One thing to supplement.
     *
     * @param code material code, or null for something that is not a catalog material
     * @param description what exactly is missing or deficient
     */
    public record RequestedMaterial(String code, String description) {}
}
