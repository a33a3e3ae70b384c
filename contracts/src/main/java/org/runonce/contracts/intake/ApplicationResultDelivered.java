package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

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
 * @param certificateNumbers the e-certificates delivered (for {@code ELECTRONIC}: in the holder's wallet, 我的证照)
 */
public record ApplicationResultDelivered(
        String applicationNumber,
        String method,
        String trackingNumber,
        String address,
        String deliveredBy,
        Applicant applicant,
        Instant deliveredAt,
        List<String> certificateNumbers) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.result-delivered.v1";
}
