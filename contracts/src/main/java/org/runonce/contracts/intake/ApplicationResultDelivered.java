package org.runonce.contracts.intake;

import java.time.Instant;

/**
 * The results of all cases were delivered once (统一窗口出件).
 *
 * @param applicationNumber the application
 * @param method {@code WINDOW_PICKUP}, {@code MAIL} or {@code ELECTRONIC}
 * @param trackingNumber the postal tracking number for {@code MAIL}, else null
 * @param address the postal address for {@code MAIL}, else null
 * @param deliveredBy username of whoever recorded it
 * @param applicant who received it
 * @param deliveredAt when
 */
public record ApplicationResultDelivered(
        String applicationNumber,
        String method,
        String trackingNumber,
        String address,
        String deliveredBy,
        Applicant applicant,
        Instant deliveredAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.result-delivered.v1";
}
