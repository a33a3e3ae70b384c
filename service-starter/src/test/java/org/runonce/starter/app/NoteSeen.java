package org.runonce.starter.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An idempotent consumer: records each note event once, refuses notes whose text is "poison". */
@Component
public class NoteSeen {

    static final String CONSUMER = "test.note-seen";

    private final Events events;
    private final ProcessedEvents processedEvents;
    private final JdbcClient jdbc;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    NoteSeen(Events events, ProcessedEvents processedEvents, JdbcClient jdbc) {
        this.events = events;
        this.processedEvents = processedEvents;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "runonce.test.v1")
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        attempts.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
        var event = events.read(record, Notes.NoteCreated.class);
        processedEvents.once(CONSUMER, event, () -> {
            jdbc.sql("insert into note_seen (event_id, note_id) values (?, ?)")
                    .params(event.id(), event.data().id())
                    .update();
            if ("poison".equals(event.data().text())) {
                throw new IllegalArgumentException(
                        "cannot handle note " + event.data().id());
            }
        });
    }

    /** How often the listener was called with a record of this key. */
    public int attempts(String key) {
        var count = attempts.get(key);
        return count == null ? 0 : count.get();
    }

    /** How often the effect was applied (and committed) for this event. */
    public int applied(String eventId) {
        return jdbc.sql("select count(*) from note_seen where event_id = ?")
                .param(eventId)
                .query(Integer.class)
                .single();
    }
}
