package org.runonce.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final NotificationProperties.Retry RETRY = new NotificationProperties.Retry(
            Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2, Duration.ofHours(24));

    @Test
    void delaysDoubleUpToTheMaximumInterval() {
        var middle = new Backoff(RETRY, () -> 0.5); // no jitter

        assertThat(middle.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(middle.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(middle.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(middle.delayAfter(8)).isEqualTo(Duration.ofMinutes(60));
        assertThat(middle.delayAfter(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsDelaysByAtMostTheConfiguredShare() {
        assertThat(new Backoff(RETRY, () -> 0.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(96));
        assertThat(new Backoff(RETRY, () -> 0.999999).delayAfter(3))
                .isBetween(Duration.ofSeconds(143), Duration.ofSeconds(144));
    }

    @Test
    void retriesSpanHoursBeforeTheMaximumAgeGivesUp() {
        var backoff = new Backoff(RETRY, () -> 0.5);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant t = start;
        int attempts = 1;
        while (!backoff.exhausted(start, t)) {
            t = t.plus(backoff.delayAfter(attempts++));
        }
        assertThat(Duration.between(start, t)).isBetween(Duration.ofHours(24), Duration.ofHours(25));
        assertThat(attempts).isBetween(25, 40);
    }
}
