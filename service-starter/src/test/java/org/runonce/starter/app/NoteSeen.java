package org.runonce.starter.app;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An idempotent consumer: records each note event once. Fails on notes whose text is "poison" (a bug: retried a few
 * times, then dead-lettered) unless the note was {@link #cure cured}, refuses those whose text is "refused" (a domain
 * refusal: dead-lettered at once), and fails as if the database were away for the first {@link #failTransiently}
 * deliveries of a note.
 */
@Component
public class NoteSeen {

    static final String CONSUMER = "test.note-seen";

    private final Events events;
    private final ProcessedEvents processedEvents;
    private final JdbcClient jdbc;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> cured = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();

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
            jdbc.sql("insert into note_seen (event_id, note_id, text) values (?, ?, ?)")
                    .params(event.id(), event.data().id(), event.data().text())
                    .update();
            var failures = transientFailures.get(event.data().id());
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLTransientConnectionException("connection refused"));
            }
            if ("poison".equals(event.data().text())
                    && !cured.contains(event.data().id())) {
                throw new IllegalArgumentException(
                        "cannot handle note " + event.data().id());
            }
            if ("refused".equals(event.data().text())) {
                throw Refusal.unprocessable(
                        "note-refused", "Note refused", "note " + event.data().id());
            }
        });
    }

    /** From now on, poison notes with this id are handled (the bug was fixed). */
    public void cure(String noteId) {
        cured.add(noteId);
    }

    /** The next {@code times} deliveries of note {@code noteId} fail as if the database were away. */
    public void failTransiently(String noteId, int times) {
        transientFailures.put(noteId, new AtomicInteger(times));
    }

    /** The texts of the note events applied for this note, in the order they were applied. */
    public List<String> appliedTexts(String noteId) {
        return jdbc.sql("select text from note_seen where note_id = ? order by seq")
                .param(noteId)
                .query(String.class)
                .list();
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
