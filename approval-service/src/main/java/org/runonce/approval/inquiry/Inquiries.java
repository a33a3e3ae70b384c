package org.runonce.approval.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.approval.StoredPersonalData;
import org.runonce.approval.complaint.Contact;
import org.runonce.approval.inquiry.Inquiry.Channel;
import org.runonce.approval.inquiry.Inquiry.Inquirer;
import org.runonce.approval.inquiry.Inquiry.Limit;
import org.runonce.approval.inquiry.Inquiry.Status;
import org.runonce.starter.events.Events;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PlaintextRows;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inquiries in PostgreSQL, with their hand-overs appended and their events in the outbox, in one transaction. An
 * anonymous inquirer's phone number is stored encrypted ({@link StoredPersonalData}).
 */
@Repository
class Inquiries {

    private final JdbcClient jdbc;
    private final Events events;
    private final StoredPersonalData personalData;

    Inquiries(JdbcClient jdbc, Events events, StoredPersonalData personalData) {
        this.jdbc = jdbc;
        this.events = events;
        this.personalData = personalData;
    }

    /** The next number of the year, {@code ZX-2026-000001}. */
    String nextNumber(int year) {
        long n = jdbc.sql("select nextval('inquiry_number_seq')")
                .query(Long.class)
                .single();
        return "ZX-%d-%06d".formatted(year, n);
    }

    void add(Inquiry i) {
        var who = i.inquirer();
        var contact = who.contact();
        jdbc.sql("""
                        insert into inquiry (number, received_at, channel, question, inquirer, contact_name,
                            contact_phone, contact_email, access_code_hash, received_by, owner, owner_since,
                            department_code, region, limit_days, due_on, overdue_on, status)
                        values (:number, :at, :channel, :question, :inquirer, :name, :phone, :email, :code,
                            :receivedBy, :owner, :ownerSince, :department, :region, :limit, :due, :overdue, :status)""")
                .param("number", i.number())
                .param("at", Jdbc.timestamp(i.receivedAt()))
                .param("channel", i.channel().name())
                .param("question", i.question())
                .param("inquirer", who.subject())
                .param("name", contact == null ? null : contact.name())
                .param("phone", contact == null ? null : personalData.encrypt(contact.phone()))
                .param("email", contact == null ? null : contact.email())
                .param("code", i.accessCodeHash())
                .param("receivedBy", i.receivedBy())
                .param("owner", i.owner())
                .param("ownerSince", Jdbc.timestamp(i.ownerSince()))
                .param("department", i.department())
                .param("region", i.limit().region())
                .param("limit", i.limitDays())
                .param("due", i.limit().dueOn())
                .param("overdue", i.limit().overdueOn())
                .param("status", i.status().name())
                .update();
        flush(i);
    }

    void save(Inquiry i) {
        jdbc.sql("""
                        update inquiry set owner = :owner, owner_since = :ownerSince, department_code = :department,
                            status = :status, answer = :answer, answered_by = :answeredBy, answered_at = :answeredAt,
                            overdue_at = :overdueAt
                        where number = :number""")
                .param("number", i.number())
                .param("owner", i.owner())
                .param("ownerSince", Jdbc.timestamp(i.ownerSince()))
                .param("department", i.department())
                .param("status", i.status().name())
                .param("answer", i.answer())
                .param("answeredBy", i.answeredBy())
                .param("answeredAt", Jdbc.timestamp(i.answeredAt()))
                .param("overdueAt", Jdbc.timestamp(i.overdueAt()))
                .update();
        flush(i);
    }

    private void flush(Inquiry i) {
        var handovers = i.pullHandovers();
        if (!handovers.isEmpty()) {
            int seq = jdbc.sql("select coalesce(max(seq), 0) from inquiry_handover where inquiry_number = ?")
                    .param(i.number())
                    .query(Integer.class)
                    .single();
            for (var h : handovers) {
                jdbc.sql("""
                                insert into inquiry_handover (inquiry_number, seq, at, from_owner, from_department,
                                    to_owner, to_department, reason)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                i.number(),
                                ++seq,
                                Jdbc.timestamp(h.at()),
                                h.fromOwner(),
                                h.fromDepartment(),
                                h.toOwner(),
                                h.toDepartment(),
                                h.reason())
                        .update();
            }
        }
        i.pullRaised().forEach(r -> events.publish(r.type(), i.number(), r.department(), r.data()));
    }

    Optional<Inquiry> find(String number) {
        return jdbc.sql("select * from inquiry where number = ?")
                .param(number)
                .query(this::map)
                .optional();
    }

    Optional<Inquiry> lock(String number) {
        return jdbc.sql("select * from inquiry where number = ? for update")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** Locked, or empty when another transaction holds it (another instance's watch). */
    Optional<Inquiry> tryLock(String number) {
        return jdbc.sql("select * from inquiry where number = ? for update skip locked")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** Unanswered inquiries whose overdue day has come and whose event is not raised (partial index). */
    List<String> overdueCandidates(LocalDate today) {
        return jdbc.sql("""
                        select number from inquiry
                        where overdue_on <= ? and overdue_at is null and answered_at is null
                        order by overdue_on, number""").param(today).query(String.class).list();
    }

    /**
     * Inquiries, newest first.
     *
     * @param department the department's (responsible now), or null
     * @param staff the ones this member of staff owns or received, or null
     * @param inquirer this applicant's, or null
     */
    List<Inquiry> list(
            String department,
            String staff,
            String inquirer,
            Status status,
            Boolean overdue,
            LocalDate today,
            int limit) {
        var sql = new StringBuilder("select * from inquiry where true");
        var params = new ArrayList<Object>();
        if (department != null && staff != null) {
            sql.append(" and (department_code = ? or owner = ? or received_by = ?)");
            params.add(department);
            params.add(staff);
            params.add(staff);
        } else if (department != null) {
            sql.append(" and department_code = ?");
            params.add(department);
        } else if (staff != null) {
            sql.append(" and (owner = ? or received_by = ?)");
            params.add(staff);
            params.add(staff);
        }
        if (inquirer != null) {
            sql.append(" and inquirer = ?");
            params.add(inquirer);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (overdue != null) {
            String isOverdue = "(overdue_at is not null or (status = 'OPEN' and overdue_on <= ?))";
            sql.append(overdue ? " and " + isOverdue : " and not " + isOverdue);
            params.add(today);
        }
        sql.append(" order by received_at desc, number desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** Who owned the inquiry when, in order. */
    List<Inquiry.Handover> handovers(String number) {
        return jdbc.sql("""
                        select at, from_owner, from_department, to_owner, to_department, reason
                        from inquiry_handover where inquiry_number = ? order by seq""")
                .param(number)
                .query((rs, n) -> new Inquiry.Handover(
                        Jdbc.instant(rs, "at"),
                        rs.getString("from_owner"),
                        rs.getString("from_department"),
                        rs.getString("to_owner"),
                        rs.getString("to_department"),
                        rs.getString("reason")))
                .list();
    }

    /** Encrypts the phone numbers of anonymous inquirers stored before encryption, at every start. */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPhonesStoredInPlaintext() {
        personalData.encryptStoredBefore(
                jdbc,
                new StoredPersonalData.Plaintext(
                        "inquirers", PlaintextRows.Column.text("inquiry", "number", "contact_phone")));
    }

    private Inquiry map(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("inquirer");
        Contact contact = subject == null
                ? new Contact(
                        rs.getString("contact_name"),
                        personalData.decrypt(rs.getString("contact_phone")),
                        rs.getString("contact_email"))
                : null;
        return new Inquiry(
                rs.getString("number"),
                Jdbc.instant(rs, "received_at"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("question"),
                new Inquirer(subject, contact),
                rs.getString("access_code_hash"),
                rs.getString("received_by"),
                rs.getInt("limit_days"),
                new Limit(
                        rs.getString("region"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("overdue_on", LocalDate.class)),
                rs.getString("owner"),
                Jdbc.instant(rs, "owner_since"),
                rs.getString("department_code"),
                Status.valueOf(rs.getString("status")),
                rs.getString("answer"),
                rs.getString("answered_by"),
                Jdbc.instant(rs, "answered_at"),
                Jdbc.instant(rs, "overdue_at"));
    }
}
