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
import org.runonce.starter.personaldata.BlindIndex;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.runonce.starter.personaldata.PlaintextRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices and applicant contacts in PostgreSQL. Personal data is stored encrypted ({@link PersonalDataCipher}): a
 * contact's phone number, with a blind index ({@code phone_index}) to find the contacts of a number; a notice's
 * recipient (an e-mail address or a phone number; nothing looks notices up by it, so no index); an event kept until
 * its applicant's contact arrives (it may hold the applicant, resident ID number and phone included).
 */
@Repository
class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    Notices(JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
    }

    /** The index of a phone number as typed ({@code 139 1234-5678} is {@code 13912345678}). */
    private String phoneIndex(String phone) {
        return phone == null ? null : index.of(phone.replaceAll("[ -]", ""));
    }

    /**
     * Encrypts the phone numbers of contacts stored before encryption (notification V6), at every start; each value
     * compared-and-set, so that a contact updated meanwhile is left for the next start. SQL cannot: the key is not in
     * the database.
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextPhones() {
        record Row(String number, String phone) {}
        List<Row> rows = jdbc.sql("""
                        select application_number, phone from applicant_contact
                        where phone is not null and phone not like 'pd1:%'""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .list();
        int encrypted = 0;
        for (Row row : rows) {
            encrypted += jdbc.sql("""
                            update applicant_contact set phone = ?, phone_index = ?
                            where application_number = ? and phone = ?""")
                    .params(cipher.encrypt(row.phone()), phoneIndex(row.phone()), row.number(), row.phone())
                    .update();
        }
        if (encrypted > 0) {
            log.info("Encrypted the phone numbers of {} applicant contacts stored before encryption", encrypted);
        }
    }

    /**
     * Encrypts the recipients of notices and the events awaiting a contact stored before encryption (notification
     * V7), at every start, a batch at a time; each value compared-and-set, so that a row changed meanwhile is left for
     * the next start (neither value changes once written; a kept event may be taken).
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextRecipientsAndEvents() {
        int recipients = encryptPlaintext("notice", "id", "recipient");
        int events = encryptPlaintext("notice_awaiting_contact", "event_id", "event");
        if (recipients + events > 0) {
            log.info(
                    "Encrypted {} notice recipients and {} events awaiting a contact stored before encryption",
                    recipients,
                    events);
        }
    }

    private int encryptPlaintext(String table, String key, String column) {
        return PlaintextRows.encrypt(jdbc, PlaintextRows.Column.text(table, key, column), cipher::encrypt);
    }

    /**
     * The contacts with this phone number (by its blind index), e.g. for an applicant's request about their data or
     * to stop SMS to a number: application numbers, latest first.
     */
    List<String> applicationsNotifying(String phone, int limit) {
        return jdbc.sql("""
                        select application_number from applicant_contact where phone_index = ?
                        order by updated_at desc limit ?""")
                .params(phoneIndex(phone), limit)
                .query(String.class)
                .list();
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
                        .param("recipient", cipher.encrypt(n.recipient()))
                        .param("locale", n.locale())
                        .param("title", n.title())
                        .param("body", n.body())
                        .param("state", n.state())
                        .param("created", Jdbc.timestamp(n.createdAt()))
                        .param("sent", Jdbc.timestamp(n.sentAt()))
                        .update()
                == 1;
    }

    /**
     * Pending notices due at {@code now}, oldest first, locked until the caller's transaction ends; those another
     * transaction holds are skipped (another instance is sending them).
     */
    List<Notice> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from notice
                        where state = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
                        order by created_at limit ?
                        for update skip locked""")
                .params(Jdbc.timestamp(now), limit)
                .query(this::notice)
                .list();
    }

    /** Marks the notices sent, in one statement. */
    void sent(List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update notice set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null
                        where id = any(?)""").params(Jdbc.timestamp(now), ids.toArray(UUID[]::new)).update();
    }

    /**
     * Deletes up to {@code limit} SENT notices sent before {@code before}: the inbox's, or the e-mail and SMS ones.
     * Rows another transaction holds (another instance deleting, a notice being marked read) are skipped, not waited
     * for; the count is of rows deleted by this statement only. PENDING and FAILED notices are never deleted.
     */
    int deleteSent(boolean inbox, Instant before, int limit) {
        String channels = inbox ? "channel = 'INBOX'" : "channel in ('EMAIL', 'SMS')";
        return jdbc.sql("""
                        delete from notice where id in (
                            select id from notice where state = 'SENT' and %s and sent_at < ?
                            limit ? for update skip locked)""".formatted(channels))
                .params(Jdbc.timestamp(before), limit)
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

    /** Keeps an event until the contact of its application arrives (stored encrypted); once per event. */
    void awaitContact(String eventId, String eventType, String applicationNumber, String event, Instant now) {
        jdbc.sql("""
                        insert into notice_awaiting_contact (event_id, event_type, application_number, event,
                            received_at)
                        values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, eventType, applicationNumber, cipher.encrypt(event), Jdbc.timestamp(now))
                .update();
    }

    /** The events kept for this application's contact, oldest first, removed from the table (same transaction). */
    List<String> takeAwaitingContact(String applicationNumber) {
        return jdbc
                .sql("""
                        delete from notice_awaiting_contact where application_number = ?
                        returning event, received_at""")
                .param(applicationNumber)
                .query((rs, n) -> Map.entry(Jdbc.instant(rs, "received_at"), cipher.decrypt(rs.getString("event"))))
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
                        order by created_at desc, id limit ?""").params(applicantSubject, limit).query(this::notice).list();
    }

    Optional<Notice> inboxItem(String applicantSubject, UUID id) {
        return jdbc.sql("select * from notice where channel = 'INBOX' and applicant_subject = ? and id = ?")
                .params(applicantSubject, id)
                .query(this::notice)
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
                            updated_at, phone_index)
                        values (:number, :subject, :name, :email, :phone, :locale, :now, :phoneIndex)
                        on conflict (application_number) do update set subject = excluded.subject,
                            name = excluded.name, email = excluded.email, phone = excluded.phone,
                            locale = excluded.locale, updated_at = excluded.updated_at,
                            phone_index = excluded.phone_index""")
                .param("number", applicationNumber)
                .param("subject", c.subject())
                .param("name", c.name())
                .param("email", c.email())
                .param("phone", cipher.encrypt(c.phone()))
                .param("phoneIndex", phoneIndex(c.phone()))
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
                        cipher.decrypt(rs.getString("phone")),
                        rs.getString("locale")))
                .optional();
    }

    private Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                Notice.Channel.valueOf(rs.getString("channel")),
                rs.getString("template"),
                rs.getString("application_number"),
                rs.getString("applicant_subject"),
                cipher.decrypt(rs.getString("recipient")),
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
