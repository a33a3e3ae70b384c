package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

/**
 * An application was submitted, online or at a window; its completeness check follows in the same transaction
 * ({@link ApplicationSupplementRequested} or {@link ApplicationAccepted}).
 *
 * @param applicationNumber e.g. {@code 330000-2026-000123}
 * @param bundleCode the bundle applied for, or null for a single item
 * @param itemCodes the items applied for
 * @param channel {@code ONLINE} or {@code WINDOW}
 * @param region region code, e.g. {@code 330000}
 * @param applicant who applies
 * @param filedBy username of the window clerk who filed it, or null online
 * @param submittedAt when
 */
public record ApplicationSubmitted(
        String applicationNumber,
        String bundleCode,
        List<String> itemCodes,
        String channel,
        String region,
        Applicant applicant,
        String filedBy,
        Instant submittedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.submitted.v1";
}
