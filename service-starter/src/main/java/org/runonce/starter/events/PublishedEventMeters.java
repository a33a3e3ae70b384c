package org.runonce.starter.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.runonce.contracts.CloudEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the events a service publishes, by type, once their transaction has committed:
 * {@code runonce_events_published_total{type}}. The dashboard's submissions, acceptances, opened cases and decisions
 * are rates of it. A plain listener (not a transactional one, which the outbox would record as a publication of its
 * own) that counts after the commit, so a rolled-back change counts nothing.
 */
class PublishedEventMeters {

    private final MeterRegistry meters;
    private final Map<String, Counter> byType = new ConcurrentHashMap<>();

    PublishedEventMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void published(CloudEvent<?> event) {
        Counter counter = byType.computeIfAbsent(
                event.type(),
                type -> Counter.builder("runonce.events.published")
                        .description("Events published, by type, counted when their transaction commits")
                        .tag("type", type)
                        .register(meters));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
