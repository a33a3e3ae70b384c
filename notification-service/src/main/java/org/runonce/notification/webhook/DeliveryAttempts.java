package org.runonce.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.runonce.contracts.notification.WebhookDeliveryDeadLettered;
import org.runonce.notification.Backoff;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One attempt of one delivery, in its own transaction holding the delivery's row lock (so two instances never send
 * the same attempt), and its outcome: success, a retry time from the {@link Backoff}, or DEAD with an event once the
 * maximum age is reached. While the endpoint's circuit breaker is open the delivery is postponed, not failed.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final Events events;
    private final NotificationProperties.Webhooks settings;

    DeliveryAttempts(
            Deliveries deliveries,
            Subscriptions subscriptions,
            WebhookSender sender,
            Backoff backoff,
            Events events,
            NotificationProperties properties) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.backoff = backoff;
        this.events = events;
        this.settings = properties.webhooks();
    }

    /** What became of an attempt. */
    enum Result {
        SKIPPED,
        POSTPONED,
        SUCCEEDED,
        FAILED,
        DEAD
    }

    /** Attempts the delivery if it is (still) due at {@code now}. */
    @Transactional
    public Result attempt(UUID id, Instant now) {
        var found = deliveries.lockIfDue(id, now);
        if (found.isEmpty()) {
            return Result.SKIPPED;
        }
        Delivery delivery = found.get();
        Subscription subscription =
                subscriptions.find(delivery.subscriptionId()).orElseThrow();
        if (!subscription.active()) {
            return Result.SKIPPED;
        }
        WebhookSender.Outcome outcome = sender.send(subscription, delivery, now);
        if (outcome.postponed()) {
            deliveries.postpone(id, now.plus(settings.circuitBreaker().waitDurationInOpenState()));
            return Result.POSTPONED;
        }
        if (outcome.succeeded()) {
            deliveries.succeeded(id, outcome.status(), now);
            return Result.SUCCEEDED;
        }
        int attempts = delivery.attempts() + 1;
        if (backoff.exhausted(delivery.retryFrom(), now)) {
            deliveries.failed(id, State.DEAD, outcome.status(), outcome.error(), now, null);
            events.publish(
                    WebhookDeliveryDeadLettered.TYPE,
                    id.toString(),
                    subscription.department(),
                    new WebhookDeliveryDeadLettered(
                            id.toString(),
                            subscription.id().toString(),
                            subscription.department(),
                            subscription.callbackUrl(),
                            delivery.eventId(),
                            delivery.eventType(),
                            delivery.subject(),
                            attempts,
                            outcome.status(),
                            outcome.error(),
                            delivery.retryFrom(),
                            now));
            log.warn(
                    "Webhook delivery {} of event {} to {} is DEAD after {} attempts: {}",
                    id,
                    delivery.eventId(),
                    subscription.callbackUrl(),
                    attempts,
                    outcome.error());
            return Result.DEAD;
        }
        Duration delay = backoff.delayAfter(attempts);
        deliveries.failed(id, State.FAILED_RETRYING, outcome.status(), outcome.error(), now, now.plus(delay));
        log.info("Webhook delivery {} failed ({}), attempt {}, next in {}", id, outcome.error(), attempts, delay);
        return Result.FAILED;
    }
}
