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
 * @param ratingPath the link by which the applicant rates the service without signing in (好差评 by SMS), a path of
 *     the gateway, or null
 */
public record ApplicationRefused(
        String applicationNumber,
        String reason,
        String legalBasis,
        String refusedBy,
        Applicant applicant,
        Instant refusedAt,
        String ratingPath) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.refused.v1";
}
