package org.runonce.notification.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.webhook.DeliveryAttempts.Result;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, each attempt on its own ({@link DeliveryAttempts}: row lock, backoff, circuit breaker, dead
 * letters), in one lane per subscription: a lane sends its subscription's due deliveries in order, round after round,
 * and lanes run side by side (virtual threads, at most {@code dispatcher.concurrency} attempts at once, since each
 * holds a database connection). A receiver that answers slowly holds up only its own lane, for at most the request
 * deadline per attempt; the scheduler does not wait for it and keeps serving the other subscriptions.
 */
@Component
class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ROUNDS = 1000;

    private final DeliveryAttempts attempts;
    private final Deliveries deliveries;
    private final Time time;
    private final NotificationProperties.Webhooks.Dispatcher settings;
    private final ExecutorService lanes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-lane-", 0).factory());
    private final Map<UUID, Future<Integer>> running = new ConcurrentHashMap<>();
    private final Semaphore permits;

    WebhookDispatcher(DeliveryAttempts attempts, Deliveries deliveries, Time time, NotificationProperties properties) {
        this.attempts = attempts;
        this.deliveries = deliveries;
        this.time = time;
        this.settings = properties.webhooks().dispatcher();
        this.permits = new Semaphore(settings.concurrency());
    }

    /** Starts the lanes of subscriptions with due deliveries and returns at once. */
    @Scheduled(fixedDelayString = "${runonce.notification.webhooks.dispatcher.interval:2s}")
    void scheduled() {
        if (settings.enabled()) {
            startLanes();
        }
    }

    /**
     * Attempts every delivery due now and waits until every lane is done (tests drive the dispatcher with it).
     *
     * @return attempts made by the lanes waited for
     */
    public int dispatchDue() {
        int made = 0;
        for (Future<Integer> lane : startLanes()) {
            try {
                made += lane.get();
            } catch (ExecutionException e) {
                log.warn("A webhook lane failed; its deliveries are tried again on the next run", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return made;
    }

    /** A lane for each subscription with due deliveries that has none running; every running lane. */
    private List<Future<Integer>> startLanes() {
        for (UUID subscription : deliveries.subscriptionsWithDue(time.now())) {
            running.computeIfAbsent(subscription, id -> lanes.submit(() -> lane(id)));
        }
        return new ArrayList<>(running.values());
    }

    /** One subscription's due deliveries, round after round while rounds deliver something. */
    private int lane(UUID subscription) throws InterruptedException {
        try {
            int made = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int delivered = 0;
                var due = deliveries.dueOf(subscription, time.now(), settings.batchSize());
                if (due.isEmpty()) {
                    break;
                }
                for (UUID id : due) {
                    Result result;
                    permits.acquire();
                    try {
                        result = attempts.attempt(id, time.now());
                    } finally {
                        permits.release();
                    }
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
        } finally {
            running.remove(subscription);
        }
    }

    @Override
    public void close() {
        lanes.shutdownNow();
    }
}
