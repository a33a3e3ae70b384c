package org.runonce.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions in PostgreSQL. */
@Repository
class Subscriptions {

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the subscription unless its department already has {@code max} active ones (checked under a lock per
     * department, so two concurrent requests cannot both take the last place).
     *
     * @throws Refusal 409 {@code subscription-limit}
     */
    @Transactional
    void addWithinLimit(Subscription s, int max) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("subscription:" + s.department())
                .query()
                .listOfRows();
        int active = jdbc.sql("select count(*) from subscription where department = ? and active")
                .param(s.department())
                .query(Integer.class)
                .single();
        if (active >= max) {
            throw Refusal.conflict(
                    "subscription-limit",
                    "Too many subscriptions",
                    "department " + s.department() + " has " + active + " active subscriptions, the most allowed ("
                            + max + "); delete one first");
        }
        add(s);
    }

    void add(Subscription s) {
        jdbc.sql("""
                        insert into subscription (id, department, client_id, callback_url, event_types, secret, active,
                            created_at)
                        values (:id, :department, :client, :url, string_to_array(:types, ' '), :secret, :active,
                            :created)""")
                .param("id", s.id())
                .param("department", s.department())
                .param("client", s.clientId())
                .param("url", s.callbackUrl())
                .param("types", String.join(" ", s.eventTypes()))
                .param("secret", s.secret())
                .param("active", s.active())
                .param("created", Jdbc.timestamp(s.createdAt()))
                .update();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from subscription where id = ?")
                .param(id)
                .query(Subscriptions::subscription)
                .optional();
    }

    List<Subscription> ofDepartment(String department) {
        return jdbc.sql("select * from subscription where department = ? order by created_at, id")
                .param(department)
                .query(Subscriptions::subscription)
                .list();
    }

    List<Subscription> activeOf(String department) {
        return jdbc.sql("select * from subscription where department = ? and active order by created_at, id")
                .param(department)
                .query(Subscriptions::subscription)
                .list();
    }

    boolean deactivate(UUID id, Instant now) {
        return jdbc.sql("update subscription set active = false, deactivated_at = ? where id = ? and active")
                        .params(Jdbc.timestamp(now), id)
                        .update()
                == 1;
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("department"),
                rs.getString("client_id"),
                rs.getString("callback_url"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getString("secret"),
                rs.getBoolean("active"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "deactivated_at"));
    }
}
