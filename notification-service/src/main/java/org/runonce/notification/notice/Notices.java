package org.runonce.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices and applicant contacts in PostgreSQL. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a notice unless this event already has one on this channel; whether it was stored. */
    boolean add(Notice n) {
        return jdbc.sql("""
                        insert into notice (id, event_id, event_type, channel, template, application_number,
                            applicant_subject, recipient, locale, title, body, state, created_at, sent_at)
                        values (:id, :eventId, :eventType, :channel, :template, :application, :subject, :recipient,
                            :locale, :title, :body, :state, :created, :sent)
                        on conflict (event_id, channel) do nothing""")
                        .param("id", n.id())
                        .param("eventId", n.eventId())
                        .param("eventType", n.eventType())
                        .param("channel", n.channel().name())
                        .param("template", n.template())
                        .param("application", n.applicationNumber())
                        .param("subject", n.applicantSubject())
                        .param("recipient", n.recipient())
                        .param("locale", n.locale())
                        .param("title", n.title())
                        .param("body", n.body())
                        .param("state", n.state())
                        .param("created", Jdbc.timestamp(n.createdAt()))
                        .param("sent", Jdbc.timestamp(n.sentAt()))
                        .update()
                == 1;
    }

    List<UUID> pending(int limit) {
        return jdbc.sql("select id from notice where state = 'PENDING' order by created_at limit ?")
                .param(limit)
                .query(UUID.class)
                .list();
    }

    Optional<Notice> lockIfPending(UUID id) {
        return jdbc.sql("select * from notice where id = ? and state = 'PENDING' for update skip locked")
                .param(id)
                .query(Notices::notice)
                .optional();
    }

    void sent(UUID id, Instant now) {
        jdbc.sql(
                        "update notice set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?")
                .params(Jdbc.timestamp(now), id)
                .update();
    }

    void failed(UUID id, String error, boolean giveUp) {
        jdbc.sql("update notice set attempts = attempts + 1, last_error = ?, state = ? where id = ?")
                .params(error, giveUp ? "FAILED" : "PENDING", id)
                .update();
    }

    List<Notice> inbox(String applicantSubject, int limit) {
        return jdbc.sql("""
                        select * from notice where channel = 'INBOX' and applicant_subject = ?
                        order by created_at desc, id limit ?""")
                .params(applicantSubject, limit)
                .query(Notices::notice)
                .list();
    }

    Optional<Notice> inboxItem(String applicantSubject, UUID id) {
        return jdbc.sql("select * from notice where channel = 'INBOX' and applicant_subject = ? and id = ?")
                .params(applicantSubject, id)
                .query(Notices::notice)
                .optional();
    }

    void markRead(UUID id, Instant now) {
        jdbc.sql("update notice set read_at = coalesce(read_at, ?) where id = ?")
                .params(Jdbc.timestamp(now), id)
                .update();
    }

    void saveContact(String applicationNumber, Contact c, Instant now) {
        jdbc.sql("""
                        insert into applicant_contact (application_number, subject, name, email, phone, locale,
                            updated_at)
                        values (:number, :subject, :name, :email, :phone, :locale, :now)
                        on conflict (application_number) do update set subject = excluded.subject,
                            name = excluded.name, email = excluded.email, phone = excluded.phone,
                            locale = excluded.locale, updated_at = excluded.updated_at""")
                .param("number", applicationNumber)
                .param("subject", c.subject())
                .param("name", c.name())
                .param("email", c.email())
                .param("phone", c.phone())
                .param("locale", c.language().tag())
                .param("now", Jdbc.timestamp(now))
                .update();
    }

    Optional<Contact> contactOf(String applicationNumber) {
        return jdbc.sql("select * from applicant_contact where application_number = ?")
                .param(applicationNumber)
                .query((rs, row) -> new Contact(
                        rs.getString("subject"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("locale")))
                .optional();
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                Notice.Channel.valueOf(rs.getString("channel")),
                rs.getString("template"),
                rs.getString("application_number"),
                rs.getString("applicant_subject"),
                rs.getString("recipient"),
                rs.getString("locale"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("state"),
                rs.getInt("attempts"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "sent_at"),
                Jdbc.instant(rs, "read_at"));
    }
}
