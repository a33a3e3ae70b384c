package org.runonce.notification.webhook;

import java.time.Instant;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
class DeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final Deliveries deliveries;
    private final Time time;
    private final NotificationProperties.Retention settings;

    DeliveryRetention(Deliveries deliveries, Time time, NotificationProperties properties) {
        this.deliveries = deliveries;
        this.time = time;
        this.settings = properties.retention();
    }

    @Scheduled(
            fixedDelayString = "${runonce.notification.retention.interval:1h}",
            initialDelayString = "${runonce.notification.retention.interval:1h}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int deleted = deleteExpired(settings.batchSize());
            if (deleted > 0) {
                log.info("Retention: deleted {} finished webhook deliveries", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Retention of webhook deliveries failed, the next run tries again: {}", e.toString());
        }
    }

    /** Deletes every finished delivery past its retention, {@code batchSize} per statement; how many. */
    int deleteExpired(int batchSize) {
        Instant now = time.now();
        return untilFewerThan(batchSize, State.SUCCEEDED, now.minus(settings.deliveries()))
                + untilFewerThan(batchSize, State.DEAD, now.minus(settings.deadDeliveries()));
    }

    /** Batch after batch while they come back full; the total. */
    private int untilFewerThan(int batchSize, State state, Instant before) {
        int total = 0;
        int done;
        do {
            done = deliveries.deleteFinished(state, before, batchSize);
            total += done;
        } while (done == batchSize);
        return total;
    }
}
