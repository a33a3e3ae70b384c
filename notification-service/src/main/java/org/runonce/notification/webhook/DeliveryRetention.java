package org.runonce.notification.webhook;

import java.time.Instant;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.Retention;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;

/**
 * Finished webhook deliveries are not kept for good (storage limitation, PIPL Art. 19: each body holds the applicant,
 * resident ID number included). Every {@code retention.interval}: a SUCCEEDED delivery delivered more than {@code
 * retention.deliveries} ago and a DEAD one last attempted more than {@code retention.dead-deliveries} ago are deleted,
 * {@code retention.batch-size} per statement (its own transaction), rows claimed with {@code SKIP LOCKED}: instances
 * running it together share the rows, neither waits for the other, none is counted twice. PENDING and
 * FAILED_RETRYING deliveries are never deleted.
 */
@Component
class DeliveryRetention implements Retention.Round {

    private final Deliveries deliveries;
    private final Time time;
    private final NotificationProperties.Retention settings;

    DeliveryRetention(Deliveries deliveries, Time time, NotificationProperties properties) {
        this.deliveries = deliveries;
        this.time = time;
        this.settings = properties.retention();
    }

    @Override
    public String what() {
        return "finished webhook deliveries";
    }

    @Override
    public int deleteExpired(int batchSize) {
        Instant now = time.now();
        return Retention.Round.untilFewerThan(
                        batchSize,
                        () -> deliveries.deleteFinished(State.SUCCEEDED, now.minus(settings.deliveries()), batchSize))
                + Retention.Round.untilFewerThan(
                        batchSize,
                        () -> deliveries.deleteFinished(State.DEAD, now.minus(settings.deadDeliveries()), batchSize));
    }
}
