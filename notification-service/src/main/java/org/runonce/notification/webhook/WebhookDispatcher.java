package org.runonce.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.runonce.contracts.notification.WebhookDeliveryDeadLettered;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.events.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each attempt runs in its own transaction holding the delivery's row lock (so two instances
 * never send the same attempt) and records its outcome: success, a retry time from the backoff, or DEAD with an
 * event once the maximum age is reached. While an endpoint's circuit breaker is open its deliveries are postponed,
 * not failed.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ROUNDS = 1000;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final WebhookSender sender;
    private final CircuitBreakerRegistry breakers;
    private final Backoff backoff;
    private final Events events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties properties;

    WebhookDispatcher(
            Deliveries deliveries,
            Subscriptions subscriptions,
            WebhookSender sender,
            CircuitBreakerRegistry breakers,
            Backoff backoff,
            Events events,
            TransactionTemplate transactions,
            Clock clock,
            WebhookProperties properties) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.breakers = breakers;
        this.backoff = backoff;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${runonce.notification.webhooks.dispatcher.interval:2s}")
    void scheduled() {
        if (properties.dispatcher().enabled()) {
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
        int attempts = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int delivered = 0;
            var due = deliveries.due(clock.instant(), properties.dispatcher().batchSize());
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                Attempt attempt = transactions.execute(tx -> attempt(id));
                if (attempt != Attempt.SKIPPED && attempt != Attempt.POSTPONED) {
                    attempts++;
                }
                if (attempt == Attempt.SUCCEEDED) {
                    delivered++;
                }
            }
            if (delivered == 0) {
                break;
            }
        }
        return attempts;
    }

    private enum Attempt {
        SKIPPED,
        POSTPONED,
        SUCCEEDED,
        FAILED,
        DEAD
    }

    private Attempt attempt(UUID id) {
        Instant now = clock.instant();
        var found = deliveries.lockIfDue(id, now);
        if (found.isEmpty()) {
            return Attempt.SKIPPED;
        }
        Delivery delivery = found.get();
        Subscription subscription =
                subscriptions.find(delivery.subscriptionId()).orElseThrow();
        if (!subscription.active()) {
            return Attempt.SKIPPED;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(subscription.endpoint());
        if (!breaker.tryAcquirePermission()) {
            deliveries.postpone(id, now.plus(properties.circuitBreaker().waitDurationInOpenState()));
            return Attempt.POSTPONED;
        }
        long start = System.nanoTime();
        WebhookSender.Outcome outcome = sender.send(subscription, delivery, now);
        long took = System.nanoTime() - start;
        if (outcome.succeeded()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            deliveries.succeeded(id, outcome.status(), now);
            return Attempt.SUCCEEDED;
        }
        breaker.onError(took, TimeUnit.NANOSECONDS, new WebhookFailed(outcome.error()));
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
            return Attempt.DEAD;
        }
        Duration delay = backoff.delayAfter(attempts);
        deliveries.failed(id, State.FAILED_RETRYING, outcome.status(), outcome.error(), now, now.plus(delay));
        log.info("Webhook delivery {} failed ({}), attempt {}, next in {}", id, outcome.error(), attempts, delay);
        return Attempt.FAILED;
    }

    /** What the breaker records for a failed attempt. */
    static final class WebhookFailed extends RuntimeException {
        WebhookFailed(String message) {
            super(message, null, false, false);
        }
    }
}
