package org.runonce.approval.accountability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code runonce.approval.accountability.*}: the job that opens the records of bad ratings not followed up in time.
 *
 * @param followUpCheck whether the job runs (the ITs switch it off and call it)
 * @param checkInterval how often
 */
@ConfigurationProperties("runonce.approval.accountability")
record AccountabilityProperties(
        @DefaultValue("true") boolean followUpCheck,
        @DefaultValue("15m") Duration checkInterval) {}
