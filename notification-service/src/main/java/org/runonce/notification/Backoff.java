package org.runonce.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed webhook delivery or applicant notice again: exponential backoff with jitter, capped, until the
 * maximum age is reached. With the defaults (30 s, x2, at most 1 h, +-20%, 24 h) it is tried about 30 times over a
 * day.
 */
public class Backoff {

    private final NotificationProperties.Retry retry;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    public Backoff(NotificationProperties.Retry retry, DoubleSupplier random) {
        this.retry = retry;
        this.random = random;
    }

    /** The delay after the {@code attempts}-th failed attempt (1 = the first). */
    public Duration delayAfter(int attempts) {
        double base = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempts - 1));
        double capped = Math.min(base, retry.maxInterval().toMillis());
        double spread = 1 + retry.jitter() * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }

    /** Whether a delivery retried since {@code retryFrom} is given up at {@code now}. */
    public boolean exhausted(Instant retryFrom, Instant now) {
        return !now.isBefore(retryFrom.plus(retry.maxAge()));
    }
}
