package org.runonce.notification.notice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
                            applicant_subject, recipient, locale, title, body, state, created_at, sent_at,
                            retry_from)
                        values (:id, :eventId, :eventType, :channel, :template, :application, :subject, :recipient,
                            :locale, :title, :body, :state, :created, :sent, :created)
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

    /** Pending notices due at {@code now} (never tried, or their retry time has come), oldest first. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from notice
                        where state = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
                        order by created_at limit ?""")
                .params(Jdbc.timestamp(now), limit)
                .query(UUID.class)
                .list();
    }

    Optional<Notice> lockIfDue(UUID id, Instant now) {
        return jdbc.sql("""
                        select * from notice
                        where id = ? and state = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
                        for update skip locked""")
                .params(id, Jdbc.timestamp(now))
                .query(Notices::notice)
                .optional();
    }

    void sent(UUID id, Instant now) {
        jdbc.sql(
                        "update notice set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?")
                .params(Jdbc.timestamp(now), id)
                .update();
    }

    /** When retrying began: creation, or the last manual resend. */
    Instant retryFrom(UUID id) {
        return jdbc.sql("select retry_from from notice where id = ?")
                .param(id)
                .query((rs, n) -> Jdbc.instant(rs, "retry_from"))
                .single();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or FAILED for good when that is null. */
    void failed(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("""
                        update notice set attempts = attempts + 1, last_error = ?, state = ?, next_attempt_at = ?
                        where id = ?""")
                .params(error, nextAttempt == null ? "FAILED" : "PENDING", Jdbc.timestamp(nextAttempt), id)
                .update();
    }

    /** A FAILED notice is pending again, now, with a fresh retry period; whether it was FAILED. */
    boolean resend(UUID id, Instant now) {
        return jdbc.sql("""
                        update notice set state = 'PENDING', next_attempt_at = ?, retry_from = ?
                        where id = ? and state = 'FAILED'""")
                        .params(Jdbc.timestamp(now), Jdbc.timestamp(now), id)
                        .update()
                == 1;
    }

    /** Every FAILED notice is pending again; how many. */
    int resendAllFailed(Instant now) {
        return jdbc.sql("""
                        update notice set state = 'PENDING', next_attempt_at = ?, retry_from = ?
                        where state = 'FAILED'""").params(Jdbc.timestamp(now), Jdbc.timestamp(now)).update();
    }

    /** An e-mail or SMS notice as operators see it: no recipient, no text. */
    @Schema(name = "NoticeDelivery")
    record Delivery(
            UUID id,
            String eventId,
            String eventType,
            String channel,
            String template,
            String applicationNumber,
            String state,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant retryFrom,
            Instant sentAt) {}

    /** An event kept until the contact of its application arrives. */
    record AwaitingContact(String eventId, String eventType, String applicationNumber, Instant receivedAt) {}

    /** E-mail and SMS notices in a state, oldest first, for operators. */
    List<Delivery> inState(String state, int limit) {
        return jdbc.sql("""
                        select * from notice where state = ? and channel <> 'INBOX' order by created_at limit ?""")
                .params(state, limit)
                .query((rs, n) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("channel"),
                        rs.getString("template"),
                        rs.getString("application_number"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "next_attempt_at"),
                        Jdbc.instant(rs, "retry_from"),
                        Jdbc.instant(rs, "sent_at")))
                .list();
    }

    /** How many notices are PENDING and FAILED, and how many events await a contact (partial indexes: cheap). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.HashMap<>(Map.of("PENDING", 0L, "FAILED", 0L));
        jdbc.sql("select state, count(*) as n from notice where state in ('PENDING', 'FAILED') group by state")
                .query((rs, n) -> counts.put(rs.getString("state"), rs.getLong("n")))
                .list();
        counts.put(
                "AWAITING_CONTACT",
                jdbc.sql("select count(*) from notice_awaiting_contact")
                        .query(Long.class)
                        .single());
        return counts;
    }

    /** Keeps an event until the contact of its application arrives; once per event. */
    void awaitContact(String eventId, String eventType, String applicationNumber, String event, Instant now) {
        jdbc.sql("""
                        insert into notice_awaiting_contact (event_id, event_type, application_number, event,
                            received_at)
                        values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, eventType, applicationNumber, event, Jdbc.timestamp(now))
                .update();
    }

    /** The events kept for this application's contact, oldest first, removed from the table (same transaction). */
    List<String> takeAwaitingContact(String applicationNumber) {
        return jdbc
                .sql("""
                        delete from notice_awaiting_contact where application_number = ?
                        returning event, received_at""")
                .param(applicationNumber)
                .query((rs, n) -> Map.entry(Jdbc.instant(rs, "received_at"), rs.getString("event")))
                .list()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Events waiting for a contact, oldest first, for operators. */
    List<AwaitingContact> awaitingContact(int limit) {
        return jdbc.sql("""
                        select event_id, event_type, application_number, received_at
                        from notice_awaiting_contact order by received_at limit ?""")
                .param(limit)
                .query((rs, n) -> new AwaitingContact(
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("application_number"),
                        Jdbc.instant(rs, "received_at")))
                .list();
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
