package org.runonce.approval.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Approval's reading of intake's {@code ApplicationWithdrawn}.
 *
 * @param applicationNumber the application
 * @param reason the applicant's reason, or null
 * @param withdrawnAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WithdrawnApplication(String applicationNumber, String reason, Instant withdrawnAt) {

    static final String TYPE = "org.runonce.intake.application.withdrawn.v1";
}
