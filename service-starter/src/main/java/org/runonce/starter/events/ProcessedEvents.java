package org.runonce.starter.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent consumer: remembers which events a consumer has applied, in table {@code processed_event}, INSIDE the
 * consumer's own transaction. If the effect fails, the mark rolls back with it; if the effect commits, a redelivery of
 * the same event (Kafka delivers at least once) finds the mark and is skipped. In a Kafka listener it also keeps an
 * aggregate's events in order: a record whose key is parked behind a dead letter is not applied but parked too
 * ({@link ParkedEvents}), until the key is replayed.
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
    private final ParkedEvents parked;

    public ProcessedEvents(JdbcClient jdbc) {
        this(jdbc, null);
    }

    ProcessedEvents(JdbcClient jdbc, ParkedEvents parked) {
        this.jdbc = jdbc;
        this.parked = parked;
    }

    /**
     * Whether the record is an operator's replay of a parked one ({@code /api/<service>/admin/parked-events}). Only
     * {@link #firstDelivery} marks the parked row applied, so a consumer that passes over events it has nothing to do
     * with, outside a transaction, must still take its transactional path for a replay.
     */
    public static boolean isReplay(ConsumerRecord<?, ?> record) {
        return record.headers().lastHeader(CurrentRecord.REPLAY_HEADER) != null;
    }

    /**
     * Marks the event processed by this consumer.
     *
     * @param consumer a stable name of the consuming effect, e.g. {@code approval.open-cases}
     * @param eventId the CloudEvent {@code id}
     * @return true the first time, false for a redelivery (the caller then skips its effect)
     * @throws ParkedKeyException (in a Kafka listener) when the record's key is parked behind a dead letter: the
     *     error handler parks this record too, to be applied in order when the key is replayed
     */
    public boolean firstDelivery(String consumer, String eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "ProcessedEvents must share the consumer's transaction: annotate the listener with @Transactional");
        }
        if (!admitted()) {
            return false;
        }
        int inserted = jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at) values (?, ?, now())
                        on conflict do nothing""").params(consumer, eventId).update();
        return inserted == 1;
    }

    /** Whether the record being consumed on this thread may be applied; decided once per delivery. */
    private boolean admitted() {
        var delivery = CurrentRecord.current();
        if (delivery == null || parked == null) {
            return true; // not in a Kafka listener
        }
        if (CurrentRecord.admission() instanceof Boolean decided) {
            return decided;
        }
        boolean admitted = parked.admit(delivery);
        CurrentRecord.admit(admitted);
        return admitted;
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
