package org.runonce.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log in PostgreSQL; rows are updated, and deleted only when finished and past their retention
 * ({@link DeliveryRetention}). The body (an event with the applicant, resident ID number included) is stored encrypted
 * as a whole ({@link PersonalDataCipher}).
 */
@Repository
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Deliveries(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Encrypts the bodies stored before encryption, at every start, a batch at a time; each compared-and-set (the body
     * never changes otherwise).
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextBodies() {
        int encrypted = 0;
        while (true) {
            record Row(UUID id, String body) {}
            List<Row> rows = jdbc.sql("select id, body from delivery where body not like 'pd1:%' limit 500")
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            int done = 0;
            for (Row row : rows) {
                done += jdbc.sql("update delivery set body = ? where id = ? and body = ?")
                        .params(cipher.encrypt(row.body()), row.id(), row.body())
                        .update();
            }
            encrypted += done;
            if (rows.size() < 500 || done == 0) {
                break;
            }
        }
        if (encrypted > 0) {
            log.info("Encrypted the bodies of {} webhook deliveries stored before encryption", encrypted);
        }
    }

    /** A new pending delivery; false if this subscription already has this event (a redelivered record). */
    boolean add(UUID subscriptionId, String eventId, String eventType, String subject, String body, Instant now) {
        return jdbc.sql("""
                        insert into delivery (id, subscription_id, event_id, event_type, subject, body, state,
                            created_at, retry_from, next_attempt_at)
                        values (:id, :subscription, :eventId, :type, :subject, :body, 'PENDING', :now, :now, :now)
                        on conflict (subscription_id, event_id) do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("subscription", subscriptionId)
                        .param("eventId", eventId)
                        .param("type", eventType)
                        .param("subject", subject)
                        .param("body", cipher.encrypt(body))
                        .param("now", Jdbc.timestamp(now))
                        .update()
                == 1;
    }

    /** Subscriptions (active) that have a delivery due at {@code now}. */
    List<UUID> subscriptionsWithDue(Instant now) {
        return jdbc.sql("""
                        select distinct d.subscription_id from delivery d join subscription s on s.id = d.subscription_id
                        where s.active and d.state in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= ?""").param(Jdbc.timestamp(now)).query(UUID.class).list();
    }

    /**
     * Ids of the subscription's deliveries due at {@code now}, oldest first, leaving out every delivery that has an
     * earlier undelivered one for the same subject: a case's events go out in order.
     */
    List<UUID> dueOf(UUID subscription, Instant now, int limit) {
        return jdbc.sql("""
                        select d.id from delivery d
                        where d.subscription_id = :subscription
                          and d.state in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= :now
                          and not exists (select 1 from delivery e
                                          where e.subscription_id = d.subscription_id
                                            and e.subject is not distinct from d.subject
                                            and e.seq < d.seq and e.state in ('PENDING', 'FAILED_RETRYING'))
                        order by d.seq
                        limit :limit""")
                .param("subscription", subscription)
                .param("now", Jdbc.timestamp(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The delivery, locked for this transaction, if it is still due (another instance may have sent it). */
    Optional<Delivery> lockIfDue(UUID id, Instant now) {
        return jdbc.sql("""
                        select * from delivery where id = ? and state in ('PENDING', 'FAILED_RETRYING')
                          and next_attempt_at <= ? for update skip locked""")
                .params(id, Jdbc.timestamp(now))
                .query(this::delivery)
                .optional();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from delivery where id = ?")
                .param(id)
                .query(this::delivery)
                .optional();
    }

    /** The log of a subscription, newest first, optionally only one state. */
    List<Delivery> log(UUID subscriptionId, State state, int limit) {
        return jdbc.sql("""
                        select * from delivery where subscription_id = :subscription
                          and (cast(:state as text) is null or state = :state)
                        order by seq desc limit :limit""")
                .param("subscription", subscriptionId)
                .param("state", state == null ? null : state.name())
                .param("limit", limit)
                .query(this::delivery)
                .list();
    }

    void succeeded(UUID id, int status, Instant now) {
        jdbc.sql("""
                        update delivery set state = 'SUCCEEDED', attempts = attempts + 1, last_attempt_at = :now,
                            last_status = :status, last_error = null, delivered_at = :now, next_attempt_at = null
                        where id = :id""")
                .param("id", id)
                .param("status", status)
                .param("now", Jdbc.timestamp(now))
                .update();
    }

    void failed(UUID id, State state, Integer status, String error, Instant now, Instant next) {
        jdbc.sql("""
                        update delivery set state = :state, attempts = attempts + 1, last_attempt_at = :now,
                            last_status = :status, last_error = :error, next_attempt_at = :next
                        where id = :id""")
                .param("id", id)
                .param("state", state.name())
                .param("status", status)
                .param("error", error)
                .param("now", Jdbc.timestamp(now))
                .param("next", Jdbc.timestamp(next))
                .update();
    }

    /** Not attempted (open circuit): only the due time moves. */
    void postpone(UUID id, Instant next) {
        jdbc.sql("update delivery set next_attempt_at = ? where id = ?")
                .params(Jdbc.timestamp(next), id)
                .update();
    }

    /** Sends a delivery again, whatever its state, with a fresh retry age; false if it is not this subscription's. */
    boolean redeliver(UUID subscriptionId, UUID id, Instant now) {
        return jdbc.sql("""
                        update delivery set state = 'PENDING', next_attempt_at = :now, retry_from = :now
                        where id = :id and subscription_id = :subscription""")
                        .param("id", id)
                        .param("subscription", subscriptionId)
                        .param("now", Jdbc.timestamp(now))
                        .update()
                == 1;
    }

    /** Sends every delivery of the subscription in {@code state} again; how many. */
    int redeliverAll(UUID subscriptionId, State state, Instant now) {
        return jdbc.sql("""
                        update delivery set state = 'PENDING', next_attempt_at = :now, retry_from = :now
                        where subscription_id = :subscription and state = :state""")
                .param("subscription", subscriptionId)
                .param("state", state.name())
                .param("now", Jdbc.timestamp(now))
                .update();
    }

    /**
     * Deletes up to {@code limit} deliveries finished before {@code before}: SUCCEEDED ones by when they were
     * delivered, DEAD ones by their last attempt. Rows another transaction holds (another instance deleting, a
     * redelivery being written) are skipped, not waited for; the count is of rows deleted by this statement only.
     */
    int deleteFinished(State state, Instant before, int limit) {
        String finishedAt = switch (state) {
            case SUCCEEDED -> "delivered_at";
            case DEAD -> "last_attempt_at";
            default -> throw new IllegalArgumentException(state + " deliveries are never deleted");
        };
        return jdbc.sql("""
                        delete from delivery where id in (
                            select id from delivery where state = :state and %s < :before
                            limit :limit for update skip locked)""".formatted(finishedAt))
                .param("state", state.name())
                .param("before", Jdbc.timestamp(before))
                .param("limit", limit)
                .update();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("subject"),
                cipher.decrypt(rs.getString("body")),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "retry_from"),
                Jdbc.instant(rs, "next_attempt_at"),
                Jdbc.instant(rs, "last_attempt_at"),
                lastStatus,
                rs.getString("last_error"),
                Jdbc.instant(rs, "delivered_at"));
    }
}
