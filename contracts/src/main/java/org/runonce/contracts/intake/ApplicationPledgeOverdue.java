package org.runonce.contracts.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application accepted with deficiencies passed its pledge date without the missing materials; it is in the
 * window clerks' queue.
 *
 * @param applicationNumber the application
 * @param pledgeDate the date the applicant pledged
 * @param missingMaterialCodes what is still missing
 * @param caseNumbers the application's cases
 * @param applicant who is reminded
 * @param detectedAt when
 */
public record ApplicationPledgeOverdue(
        String applicationNumber,
        LocalDate pledgeDate,
        List<String> missingMaterialCodes,
        List<String> caseNumbers,
        Applicant applicant,
        Instant detectedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.pledge-overdue.v1";
}
