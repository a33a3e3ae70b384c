package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

/**
 * The one-time notice (一次性告知): everything missing or deficient, listed at once. A second notice on the same
 * application only lists what could not be checked before (a supplemented document that is itself unreadable, ...)
 * and is flagged {@code second}.
 *
 * @param applicationNumber the application
 * @param noticeNumber e.g. {@code 330000-2026-000123-N1}
 * @param second whether an earlier notice exists (supervisors watch these)
 * @param deficiencies every material still missing or deficient
 * @param acceptableWithPledge whether only non-key materials are missing, so the applicant may pledge a date and be
 *     accepted with deficiencies (容缺受理)
 * @param documentPath where the applicant downloads the notice (HTML), relative to the gateway
 * @param applicant who is notified
 * @param issuedAt when
 */
public record ApplicationSupplementRequested(
        String applicationNumber,
        String noticeNumber,
        boolean second,
        List<Deficiency> deficiencies,
        boolean acceptableWithPledge,
        String documentPath,
        Applicant applicant,
        Instant issuedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.supplement-requested.v1";
}
