package org.runonce.notification.webhook;

import java.util.UUID;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.webhook.DeliveryAttempts.Result;
import org.runonce.starter.domain.Time;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, round after round, each attempt on its own ({@link DeliveryAttempts}: row lock, backoff,
 * circuit breaker, dead letters).
 */
@Component
class WebhookDispatcher {

    private static final int MAX_ROUNDS = 1000;

    private final DeliveryAttempts attempts;
    private final Deliveries deliveries;
    private final Time time;
    private final NotificationProperties.Webhooks.Dispatcher settings;

    WebhookDispatcher(DeliveryAttempts attempts, Deliveries deliveries, Time time, NotificationProperties properties) {
        this.attempts = attempts;
        this.deliveries = deliveries;
        this.time = time;
        this.settings = properties.webhooks().dispatcher();
    }

    @Scheduled(fixedDelayString = "${runonce.notification.webhooks.dispatcher.interval:2s}")
    void scheduled() {
        if (settings.enabled()) {
            dispatchDue();
        }
    }

    /**
     * Attempts every delivery due now, round after round while rounds deliver something (the next event of a case
     * becomes due once the previous one is delivered).
     *
     * @return attempts made
     */
    public int dispatchDue() {
        int made = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int delivered = 0;
            var due = deliveries.due(time.now(), settings.batchSize());
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                Result result = attempts.attempt(id, time.now());
                if (result != Result.SKIPPED && result != Result.POSTPONED) {
                    made++;
                }
                if (result == Result.SUCCEEDED) {
                    delivered++;
                }
            }
            if (delivered == 0) {
                break;
            }
        }
        return made;
    }
}
