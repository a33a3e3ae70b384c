package org.runonce.starter.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Remembers, on the consumer thread, which record the listener is processing, so that {@link ProcessedEvents} can
 * check its key against the parked keys of its consumer group without the listener passing the record along. Touches
 * nothing else: an interceptor that threw would lose the rest of the poll.
 */
final class CurrentRecord implements RecordInterceptor<Object, Object> {

    /** Header of a record republished by a replay: the id of its {@code parked_event} row. */
    static final String REPLAY_HEADER = "runonce-replay-of";

    private static final ThreadLocal<Delivery> CURRENT = new ThreadLocal<>();

    /**
     * One delivery of a record to the listener.
     *
     * @param replayOf the parked row this record replays, or null
     */
    record Delivery(String group, String topic, int partition, long offset, String key, UUID replayOf) {}

    /** The record the listener on this thread is processing, or null outside a listener. */
    static Delivery current() {
        return CURRENT.get();
    }

    /** Whether this thread's listener already got an admission for the current delivery (several effects per record). */
    private static final ThreadLocal<Object> ADMISSION = new ThreadLocal<>();

    static Object admission() {
        return ADMISSION.get();
    }

    static void admit(Object admission) {
        ADMISSION.set(admission);
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        CURRENT.set(new Delivery(
                consumer.groupMetadata().groupId(),
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : record.key().toString(),
                replayOf(record)));
        ADMISSION.remove();
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        CURRENT.remove();
        ADMISSION.remove();
    }

    static UUID replayOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(REPLAY_HEADER);
        if (header == null) {
            return null;
        }
        try {
            return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
