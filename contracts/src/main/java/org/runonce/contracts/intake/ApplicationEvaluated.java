package org.runonce.contracts.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The applicant rated the service (好差评). A rating of 1 or 2 opens a follow-up with a deadline for supervisors.
 *
 * @param applicationNumber the application
 * @param rating 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment the applicant's words, or null
 * @param departmentCodes departments that handled the application's cases
 * @param followUpDue the follow-up's deadline for a bad rating, else null
 * @param evaluatedAt when
 */
public record ApplicationEvaluated(
        String applicationNumber,
        int rating,
        String comment,
        List<String> departmentCodes,
        LocalDate followUpDue,
        Instant evaluatedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.evaluated.v1";
}
