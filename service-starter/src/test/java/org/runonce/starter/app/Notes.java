package org.runonce.starter.app;

import org.runonce.contracts.CloudEvent;
import org.runonce.starter.events.Events;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes state and publishes the event in the same transaction, as every service does. */
@Service
public class Notes {

    public static final String CREATED = "org.runonce.test.note.created.v1";

    /** The event payload. */
    public record NoteCreated(String id, String text) {}

    private final JdbcClient jdbc;
    private final Events events;

    Notes(JdbcClient jdbc, Events events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public CloudEvent<NoteCreated> create(String id, String text) {
        jdbc.sql("insert into note (id, text) values (?, ?)").params(id, text).update();
        return events.publish(CREATED, id, "SAMR", new NoteCreated(id, text));
    }

    /** Like {@link #create} but fails after publishing: nothing of it may survive. */
    @Transactional
    public void createAndFail(String id, String text) {
        create(id, text);
        throw new IllegalStateException("failing after publishing " + id);
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from note where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
