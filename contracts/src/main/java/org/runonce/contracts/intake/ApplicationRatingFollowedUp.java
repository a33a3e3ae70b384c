package org.runonce.contracts.intake;

import java.time.Instant;

/**
 * A department followed up a bad rating (1 or 2) of an application (好差评整改回访): what it did, recorded at intake.
 * Approval closes the department's pending follow-up check with it; one recorded after the follow-up's due date
 * (see {@link ApplicationEvaluated#followUpDue()}) still opens an accountability record there.
 *
 * @param applicationNumber the rated application
 * @param department the department that followed it up (one of the rating's {@code departmentCodes})
 * @param followedUpBy username of whoever recorded the follow-up
 * @param note what was done
 * @param at when it was recorded
 */
public record ApplicationRatingFollowedUp(
        String applicationNumber, String department, String followedUpBy, String note, Instant at) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.rating-followed-up.v1";
}
