package org.runonce.starter.events;

import java.time.Duration;
import org.runonce.contracts.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent consumer: remembers which events a consumer has applied, in table {@code processed_event}, INSIDE the
 * consumer's own transaction. If the effect fails, the mark rolls back with it; if the effect commits, a redelivery of
 * the same event (Kafka delivers at least once) finds the mark and is skipped.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.INTAKE)
 * @Transactional
 * void on(ConsumerRecord<String, byte[]> record) {
 *     var event = events.read(record);
 *     processedEvents.once("approval.open-cases", event, () -> cases.open(...));
 * }
 * }</pre>
 */
public class ProcessedEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the event processed by this consumer.
     *
     * @param consumer a stable name of the consuming effect, e.g. {@code approval.open-cases}
     * @param eventId the CloudEvent {@code id}
     * @return true the first time, false for a redelivery (the caller then skips its effect)
     */
    public boolean firstDelivery(String consumer, String eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "ProcessedEvents must share the consumer's transaction: annotate the listener with @Transactional");
        }
        int inserted = jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at) values (?, ?, now())
                        on conflict do nothing""").params(consumer, eventId).update();
        return inserted == 1;
    }

    /** Runs {@code effect} unless this consumer already processed {@code event}; true if it ran. */
    public boolean once(String consumer, CloudEvent<?> event, Runnable effect) {
        if (!firstDelivery(consumer, event.id())) {
            log.debug("{} already processed event {} ({}), skipping", consumer, event.id(), event.type());
            return false;
        }
        effect.run();
        return true;
    }

    /**
     * Deletes the marks older than {@code age}; a redelivery of such an event would be applied again, so {@code age}
     * must exceed the retention of the topics consumed ({@code runonce.events.keep-processed}).
     *
     * @return how many marks were deleted
     */
    public int forgetOlderThan(Duration age) {
        int deleted = jdbc.sql("delete from processed_event where processed_at < now() - make_interval(secs => ?)")
                .param(age.toSeconds())
                .update();
        if (deleted > 0) {
            log.info("Forgot {} processed-event marks older than {}", deleted, age);
        }
        return deleted;
    }
}
