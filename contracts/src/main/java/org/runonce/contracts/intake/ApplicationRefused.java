package org.runonce.contracts.intake;

import java.time.Instant;

/**
 * The application was refused (不予受理): it falls outside the items' scope or the applicant does not qualify.
 *
 * @param applicationNumber the application
 * @param reason why, in words
 * @param legalBasis the provision the refusal rests on
 * @param refusedBy username of the window clerk
 * @param applicant who is notified
 * @param refusedAt when
 */
public record ApplicationRefused(
        String applicationNumber,
        String reason,
        String legalBasis,
        String refusedBy,
        Applicant applicant,
        Instant refusedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.refused.v1";
}
