package org.runonce.starter.events;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.runonce.starter.events.CurrentRecord.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Dead letters and the records parked behind them, in table {@code parked_event} of the consumer's own database, per
 * consumer group, topic and key (the aggregate: application number, case number, item code).
 *
 * <ul>
 *   <li>A record that can never be processed is parked as a {@code DEAD_LETTER} (and copied to {@code <topic>.dlt}).
 *   <li>From then on the key is parked: each later record of it is parked as {@code WAITING} instead of being applied
 *       without its predecessor ({@link #admit}, called by {@link ProcessedEvents} in the listener's transaction).
 *   <li>{@link #replay} republishes a key's parked records to their topic, in order, each with header {@value
 *       CurrentRecord#REPLAY_HEADER}; each is applied only when it is the oldest one still parked, and becomes
 *       {@code APPLIED} in the transaction of its effect. When the last one is applied, the key flows again.
 *   <li>{@link #discard} gives up a record for good (recorded with who did it); the records behind it still wait for
 *       a replay.
 * </ul>
 */
class ParkedEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    static final String DEAD_LETTER = "DEAD_LETTER";
    static final String WAITING = "WAITING";
    static final String PARKED = "PARKED";

    /** One row: a parked record and what became of it. */
    record Parked(
            UUID id,
            long seq,
            String group,
            String topic,
            int partition,
            long offset,
            String key,
            String kind,
            String state,
            String error,
            int attempts,
            Instant parkedAt,
            Instant replayedAt,
            Instant resolvedAt,
            String resolvedBy,
            String contentType,
            byte[] value) {

        String valueText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    /** Parked records of one group, topic and kind, for the gauge. */
    record Count(String group, String topic, String kind, long count) {}

    private final JdbcClient jdbc;
    private final KafkaOperations<String, byte[]> kafka;

    ParkedEvents(JdbcClient jdbc, KafkaOperations<String, byte[]> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    /**
     * Whether the listener may apply the current delivery: true to apply, false to skip it (a replay of a record that
     * was applied or discarded meanwhile).
     *
     * @throws ParkedKeyException when its key is parked and it is not the oldest parked record of the key
     */
    boolean admit(Delivery delivery) {
        if (delivery.replayOf() != null) {
            var replayed = find(delivery.replayOf())
                    .filter(row ->
                            row.group().equals(delivery.group()) && row.topic().equals(delivery.topic()));
            if (replayed.isPresent()) {
                return admitReplay(replayed.get());
            }
            // a replay for another consumer group or service: like any record to this one (its marks dedupe it)
        }
        if (delivery.key() != null) {
            var head = head(delivery.group(), delivery.topic(), delivery.key());
            if (head.isPresent()) {
                throw new ParkedKeyException("key " + delivery.key() + " of " + delivery.topic() + " is parked behind "
                        + head.get() + " (consumer group " + delivery.group() + ")");
            }
        }
        return true;
    }

    private boolean admitReplay(Parked row) {
        if (!PARKED.equals(row.state())) {
            log.info("Replayed record {} was {} meanwhile; skipped", row.id(), row.state());
            return false;
        }
        UUID head = row.key() == null
                ? row.id()
                : head(row.group(), row.topic(), row.key()).orElse(row.id());
        if (!head.equals(row.id())) {
            throw new ParkedKeyException(
                    "replayed record " + row.id() + " of key " + row.key() + " is still behind " + head);
        }
        // in the listener's transaction: rolled back with its effect
        jdbc.sql("""
                        update parked_event set state = 'APPLIED', resolved_at = now(), resolved_by = 'replay'
                        where id = ? and state = 'PARKED'""").param(row.id()).update();
        return true;
    }

    private Optional<UUID> head(String group, String topic, String key) {
        return jdbc.sql("""
                        select id from parked_event
                        where consumer_group = ? and topic = ? and record_key = ? and state = 'PARKED'
                        order by seq limit 1""").params(group, topic, key).query(UUID.class).optional();
    }

    /** Parks a record; a record already parked (same group, topic, partition, offset) is left as it is. */
    void park(String group, ConsumerRecord<?, ?> record, String kind, String error) {
        jdbc.sql("""
                        insert into parked_event (id, consumer_group, topic, record_partition, record_offset,
                            record_key, record_value, content_type, kind, state, error, parked_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', ?, now())
                        on conflict (consumer_group, topic, record_partition, record_offset) do nothing""")
                .params(
                        UUID.randomUUID(),
                        group,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key() == null ? null : record.key().toString(),
                        bytes(record.value()),
                        header(record, CloudEventRecords.CONTENT_TYPE),
                        kind,
                        error)
                .update();
    }

    /** A replayed record failed again: it stays parked, now as a dead letter, with the new error. */
    boolean failedAgain(UUID id, String error) {
        return jdbc.sql("""
                        update parked_event set kind = 'DEAD_LETTER', error = ?, attempts = attempts + 1
                        where id = ? and state = 'PARKED'""").params(error, id).update() == 1;
    }

    Optional<Parked> find(UUID id) {
        return jdbc.sql("select * from parked_event where id = ?")
                .param(id)
                .query(ParkedEvents::row)
                .optional();
    }

    /** Parked records (or all, also applied and discarded ones), oldest first. */
    List<Parked> list(boolean all, int limit) {
        return jdbc.sql("select * from parked_event" + (all ? "" : " where state = 'PARKED'") + " order by seq limit ?")
                .param(limit)
                .query(ParkedEvents::row)
                .list();
    }

    /** How many records are parked, by group, topic and kind. */
    List<Count> counts() {
        return jdbc.sql("""
                        select consumer_group, topic, kind, count(*) as n from parked_event where state = 'PARKED'
                        group by consumer_group, topic, kind""")
                .query((rs, n) -> new Count(
                        rs.getString("consumer_group"), rs.getString("topic"), rs.getString("kind"), rs.getLong("n")))
                .list();
    }

    /**
     * Republishes the parked records of {@code id}'s key (group and topic), oldest first, to their topic, and waits
     * for the broker to take them. The consumer group applies them in this order.
     *
     * @return the ids republished, in order; empty when {@code id} is not parked
     */
    List<UUID> replay(UUID id) {
        var row = find(id).filter(r -> PARKED.equals(r.state()));
        if (row.isEmpty()) {
            return List.of();
        }
        List<Parked> queue = row.get().key() == null
                ? List.of(row.get())
                : jdbc.sql("""
                                select * from parked_event
                                where consumer_group = ? and topic = ? and record_key = ? and state = 'PARKED'
                                order by seq""")
                        .params(row.get().group(), row.get().topic(), row.get().key())
                        .query(ParkedEvents::row)
                        .list();
        List<UUID> replayed = new ArrayList<>();
        for (Parked parked : queue) {
            List<Header> headers = new ArrayList<>();
            if (parked.contentType() != null) {
                headers.add(new RecordHeader(
                        CloudEventRecords.CONTENT_TYPE, parked.contentType().getBytes(StandardCharsets.UTF_8)));
            }
            headers.add(new RecordHeader(
                    CurrentRecord.REPLAY_HEADER, parked.id().toString().getBytes(StandardCharsets.UTF_8)));
            // sent one after the other and each acknowledged: they reach the partition in this order
            await(kafka.send(new ProducerRecord<>(parked.topic(), null, parked.key(), parked.value(), headers)));
            jdbc.sql("update parked_event set replayed_at = now() where id = ?")
                    .param(parked.id())
                    .update();
            replayed.add(parked.id());
        }
        log.info(
                "Replayed {} parked record(s) of key {} of {} for {}",
                replayed.size(),
                row.get().key(),
                row.get().topic(),
                row.get().group());
        return replayed;
    }

    /** Gives a parked record up for good; whether it was parked. */
    boolean discard(UUID id, String by) {
        boolean discarded = jdbc.sql("""
                        update parked_event set state = 'DISCARDED', resolved_at = now(), resolved_by = ?
                        where id = ? and state = 'PARKED'""").params(by, id).update() == 1;
        if (discarded) {
            log.warn("Parked record {} discarded by {}", id, by);
        }
        return discarded;
    }

    /** Closes the replay producer. */
    @Override
    public void destroy() throws Exception {
        if (kafka instanceof KafkaTemplate<?, ?> template
                && template.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    /** Deletes applied and discarded rows resolved longer than {@code age} ago. */
    int forgetResolvedOlderThan(Duration age) {
        return jdbc.sql("""
                        delete from parked_event
                        where state <> 'PARKED' and resolved_at < now() - make_interval(secs => ?)""").param(age.toSeconds()).update();
    }

    private static void await(java.util.concurrent.CompletableFuture<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replayed record: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Parked row(ResultSet rs, int row) throws SQLException {
        return new Parked(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("consumer_group"),
                rs.getString("topic"),
                rs.getInt("record_partition"),
                rs.getLong("record_offset"),
                rs.getString("record_key"),
                rs.getString("kind"),
                rs.getString("state"),
                rs.getString("error"),
                rs.getInt("attempts"),
                instant(rs, "parked_at"),
                instant(rs, "replayed_at"),
                instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("content_type"),
                rs.getBytes("record_value"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
