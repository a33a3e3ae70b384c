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
 * @param confirmedByApplicant whether the applicant confirmed a withdrawal or return a clerk made for them: true,
 *     false (a clerk withdrew or returned it without the applicant's confirmation: approval opens an accountability
 *     record for each department of its cases), or null when not recorded (older events; nothing is opened)
 */
public record ApplicationWithdrawn(
        String applicationNumber,
        String reason,
        List<String> caseNumbers,
        String withdrawnBy,
        Instant withdrawnAt,
        Boolean confirmedByApplicant) {

    /** A withdrawal whose confirmation by the applicant is not recorded. */
    public ApplicationWithdrawn(
            String applicationNumber,
            String reason,
            List<String> caseNumbers,
            String withdrawnBy,
            Instant withdrawnAt) {
        this(applicationNumber, reason, caseNumbers, withdrawnBy, withdrawnAt, null);
    }

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.withdrawn.v1";
}
