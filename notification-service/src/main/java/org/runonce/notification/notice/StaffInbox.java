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

/** Staff notices in PostgreSQL, read per caller: their own by username, their department's heads' if they head it. */
@Repository
class StaffInbox {

    private final JdbcClient jdbc;

    StaffInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a notice unless its event already has one for this addressee; whether it was stored. */
    boolean add(StaffNotice n) {
        return jdbc.sql("""
                        insert into staff_notice (id, event_id, event_type, kind, case_number, application_number,
                            department, addressee, title, body, created_at)
                        values (:id, :eventId, :eventType, :kind, :caseNumber, :application, :department,
                            :addressee, :title, :body, :created)
                        on conflict (event_id, department, addressee) do nothing""")
                        .param("id", n.id())
                        .param("eventId", n.eventId())
                        .param("eventType", n.eventType())
                        .param("kind", n.kind())
                        .param("caseNumber", n.caseNumber())
                        .param("application", n.applicationNumber())
                        .param("department", n.department())
                        .param("addressee", n.addressee())
                        .param("title", n.title())
                        .param("body", n.body())
                        .param("created", Jdbc.timestamp(n.createdAt()))
                        .update()
                == 1;
    }

    /**
     * The notices for a staff member of {@code department}, last arrived first: those addressed to {@code username} in that
     * department, and the heads' notices of that department when {@code head}.
     */
    List<StaffNotice> of(String username, String department, boolean head, int limit) {
        return jdbc.sql("""
                        select * from staff_notice
                        where department = :department
                          and (addressee = :username or (:head and addressee = '*heads*'))
                        order by seq desc limit :limit""")
                .param("department", department)
                .param("username", username)
                .param("head", head)
                .param("limit", limit)
                .query(StaffInbox::row)
                .list();
    }

    Optional<StaffNotice> one(String username, String department, boolean head, UUID id) {
        return jdbc.sql("""
                        select * from staff_notice
                        where id = :id and department = :department
                          and (addressee = :username or (:head and addressee = '*heads*'))""")
                .param("id", id)
                .param("department", department)
                .param("username", username)
                .param("head", head)
                .query(StaffInbox::row)
                .optional();
    }

    void markRead(UUID id, Instant at) {
        jdbc.sql("update staff_notice set read_at = coalesce(read_at, ?) where id = ?")
                .params(Jdbc.timestamp(at), id)
                .update();
    }

    private static StaffNotice row(ResultSet rs, int n) throws SQLException {
        return new StaffNotice(
                rs.getObject("id", UUID.class),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("kind"),
                rs.getString("case_number"),
                rs.getString("application_number"),
                rs.getString("department"),
                rs.getString("addressee"),
                rs.getString("title"),
                rs.getString("body"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "read_at"));
    }
}
