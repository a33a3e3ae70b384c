package org.runonce.approval.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.approval.StoredPersonalData;
import org.runonce.approval.complaint.Complaint.About;
import org.runonce.approval.complaint.Complaint.AboutKind;
import org.runonce.approval.complaint.Complaint.Act;
import org.runonce.approval.complaint.Complaint.Channel;
import org.runonce.approval.complaint.Complaint.Complainant;
import org.runonce.approval.complaint.Complaint.Responsibility;
import org.runonce.approval.complaint.Complaint.Status;
import org.runonce.starter.events.Events;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PlaintextRows;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Complaints in PostgreSQL: saved whole, with what they recorded appended to {@code complaint_record} and what they
 * raised written to the outbox in the same transaction. An anonymous complainant's phone number is stored encrypted
 * ({@link StoredPersonalData}).
 */
@Repository
class Complaints {

    private final JdbcClient jdbc;
    private final Events events;
    private final StoredPersonalData personalData;

    Complaints(JdbcClient jdbc, Events events, StoredPersonalData personalData) {
        this.jdbc = jdbc;
        this.events = events;
        this.personalData = personalData;
    }

    /** The next number of the year, {@code TS-2026-000001}. */
    String nextNumber(int year) {
        long n = jdbc.sql("select nextval('complaint_number_seq')")
                .query(Long.class)
                .single();
        return "TS-%d-%06d".formatted(year, n);
    }

    void add(Complaint c) {
        var who = c.complainant();
        var contact = who.contact();
        var r = c.responsibility();
        jdbc.sql("""
                        insert into complaint (number, filed_at, channel, about_kind, about_reference, description,
                            complainant, contact_name, contact_phone, contact_email, access_code_hash, recorded_by,
                            department_code, region, limit_days, clock_started_on, due_on, overdue_on, status)
                        values (:number, :filedAt, :channel, :kind, :reference, :description, :complainant, :name,
                            :phone, :email, :code, :recordedBy, :department, :region, :limit, :started, :due, :overdue,
                            :status)""")
                .param("number", c.number())
                .param("filedAt", Jdbc.timestamp(c.filedAt()))
                .param("channel", c.channel().name())
                .param("kind", c.about().kind().name())
                .param("reference", c.about().reference())
                .param("description", c.description())
                .param("complainant", who.subject())
                .param("name", contact == null ? null : contact.name())
                .param("phone", contact == null ? null : personalData.encrypt(contact.phone()))
                .param("email", contact == null ? null : contact.email())
                .param("code", c.accessCodeHash())
                .param("recordedBy", c.recordedBy())
                .param("department", r == null ? null : r.department())
                .param("region", r == null ? null : r.region())
                .param("limit", c.limitDays())
                .param("started", r == null ? null : r.startedOn())
                .param("due", r == null ? null : r.dueOn())
                .param("overdue", r == null ? null : r.overdueOn())
                .param("status", c.status().name())
                .update();
        flush(c);
    }

    void save(Complaint c) {
        var r = c.responsibility();
        jdbc.sql("""
                        update complaint set department_code = :department, region = :region,
                            clock_started_on = :started, due_on = :due, overdue_on = :overdue, status = :status,
                            reply = :reply, replied_by = :repliedBy, replied_at = :repliedAt,
                            escalated_by = :escalatedBy, escalated_at = :escalatedAt,
                            escalation_reason = :escalationReason, escalation_note = :escalationNote,
                            overdue_at = :overdueAt, resolution = :resolution, resolved_by = :resolvedBy,
                            resolved_at = :resolvedAt
                        where number = :number""")
                .param("number", c.number())
                .param("department", r == null ? null : r.department())
                .param("region", r == null ? null : r.region())
                .param("started", r == null ? null : r.startedOn())
                .param("due", r == null ? null : r.dueOn())
                .param("overdue", r == null ? null : r.overdueOn())
                .param("status", c.status().name())
                .param("reply", text(c.reply()))
                .param("repliedBy", by(c.reply()))
                .param("repliedAt", at(c.reply()))
                .param("escalatedBy", by(c.escalation()))
                .param("escalatedAt", at(c.escalation()))
                .param("escalationReason", c.escalationReason())
                .param("escalationNote", text(c.escalation()))
                .param("overdueAt", Jdbc.timestamp(c.overdueAt()))
                .param("resolution", text(c.resolution()))
                .param("resolvedBy", by(c.resolution()))
                .param("resolvedAt", at(c.resolution()))
                .update();
        flush(c);
    }

    private void flush(Complaint c) {
        var entries = c.pullEntries();
        if (!entries.isEmpty()) {
            int seq = jdbc.sql("select coalesce(max(seq), 0) from complaint_record where complaint_number = ?")
                    .param(c.number())
                    .query(Integer.class)
                    .single();
            for (var e : entries) {
                jdbc.sql("""
                                insert into complaint_record (complaint_number, seq, at, actor, action, note)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(c.number(), ++seq, Jdbc.timestamp(e.at()), e.actor(), e.action(), e.note())
                        .update();
            }
        }
        c.pullRaised().forEach(r -> events.publish(r.type(), c.number(), r.department(), r.data()));
    }

    Optional<Complaint> find(String number) {
        return jdbc.sql("select * from complaint where number = ?")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** The complaint, its row locked until the transaction ends. */
    Optional<Complaint> lock(String number) {
        return jdbc.sql("select * from complaint where number = ? for update")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** The complaint locked, or empty when another transaction holds it (another instance's watch). */
    Optional<Complaint> tryLock(String number) {
        return jdbc.sql("select * from complaint where number = ? for update skip locked")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** Unreplied complaints whose overdue day has come and whose event is not raised (partial index). */
    List<String> overdueCandidates(LocalDate today) {
        return jdbc.sql("""
                        select number from complaint
                        where overdue_on <= ? and overdue_at is null and replied_at is null
                        order by overdue_on, number""").param(today).query(String.class).list();
    }

    /**
     * A page of complaints, newest first.
     *
     * @param department only this department's, or null
     * @param complainant only this applicant's, or null
     * @param recordedBy only the ones this clerk recorded, or null
     */
    List<Complaint> list(
            String department,
            String complainant,
            String recordedBy,
            Status status,
            Boolean overdue,
            Boolean unassigned,
            LocalDate today,
            int limit) {
        var sql = new StringBuilder("select * from complaint where true");
        var params = new ArrayList<Object>();
        if (department != null) {
            sql.append(" and department_code = ?");
            params.add(department);
        }
        if (complainant != null) {
            sql.append(" and complainant = ?");
            params.add(complainant);
        }
        if (recordedBy != null) {
            sql.append(" and recorded_by = ?");
            params.add(recordedBy);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (overdue != null) {
            String isOverdue = "(overdue_at is not null or (replied_at is null and status <> 'RESOLVED'"
                    + " and overdue_on <= ?))";
            sql.append(overdue ? " and " + isOverdue : " and not " + isOverdue);
            params.add(today);
        }
        if (unassigned != null) {
            sql.append(unassigned ? " and department_code is null" : " and department_code is not null");
        }
        sql.append(" order by filed_at desc, number desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** The complaint's record, in order. */
    List<Complaint.Entry> entries(String number) {
        return jdbc.sql("select at, actor, action, note from complaint_record where complaint_number = ? order by seq")
                .param(number)
                .query((rs, n) -> new Complaint.Entry(
                        Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"), rs.getString("note")))
                .list();
    }

    /** Encrypts the phone numbers of anonymous complainants stored before encryption, at every start. */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPhonesStoredInPlaintext() {
        personalData.encryptStoredBefore(
                jdbc,
                new StoredPersonalData.Plaintext(
                        "complainants", PlaintextRows.Column.text("complaint", "number", "contact_phone")));
    }

    private Complaint map(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("complainant");
        Contact contact = subject == null
                ? new Contact(
                        rs.getString("contact_name"),
                        personalData.decrypt(rs.getString("contact_phone")),
                        rs.getString("contact_email"))
                : null;
        String department = rs.getString("department_code");
        var responsibility = department == null
                ? null
                : new Responsibility(
                        department,
                        rs.getString("region"),
                        rs.getObject("clock_started_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("overdue_on", LocalDate.class));
        return new Complaint(
                rs.getString("number"),
                Jdbc.instant(rs, "filed_at"),
                Channel.valueOf(rs.getString("channel")),
                new About(AboutKind.valueOf(rs.getString("about_kind")), rs.getString("about_reference")),
                rs.getString("description"),
                new Complainant(subject, contact),
                rs.getString("access_code_hash"),
                rs.getString("recorded_by"),
                rs.getInt("limit_days"),
                responsibility,
                Status.valueOf(rs.getString("status")),
                act(rs, "reply", "replied_by", "replied_at"),
                act(rs, "escalation_note", "escalated_by", "escalated_at"),
                rs.getString("escalation_reason"),
                Jdbc.instant(rs, "overdue_at"),
                act(rs, "resolution", "resolved_by", "resolved_at"));
    }

    private static Act act(ResultSet rs, String text, String by, String at) throws SQLException {
        var when = Jdbc.instant(rs, at);
        return when == null ? null : new Act(rs.getString(text), rs.getString(by), when);
    }

    private static String text(Act a) {
        return a == null ? null : a.text();
    }

    private static String by(Act a) {
        return a == null ? null : a.by();
    }

    private static java.time.OffsetDateTime at(Act a) {
        return a == null ? null : Jdbc.timestamp(a.at());
    }
}
