package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

/**
 * The applicant withdrew the application before any decision; its cases, if it was accepted, are to be closed.
 *
 * @param applicationNumber the application
 * @param reason the applicant's reason, or null
 * @param caseNumbers the cases opened for it, empty when it was not accepted
 * @param withdrawnBy username of whoever withdrew it (the applicant, or a clerk for them)
 * @param withdrawnAt when
 */
public record ApplicationWithdrawn(
        String applicationNumber, String reason, List<String> caseNumbers, String withdrawnBy, Instant withdrawnAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.withdrawn.v1";
}
