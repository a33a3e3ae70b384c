package org.runonce.approval.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accountability records in PostgreSQL: opened once per rule, subject and department (the table's unique key). */
@Repository
class AccountabilityRecords {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AccountabilityRecords(JdbcClient jdbc, Time time) {
        this.jdbc = jdbc;
        this.zone = time.zone();
    }

    /** Opens the record unless this rule already opened one for this subject and department; whether it did. */
    boolean open(AccountabilityRecord.Opening o, Instant now) {
        return jdbc.sql("""
                        insert into accountability_record (rule, subject, application_number, case_number,
                            department_code, facts, occurred_at, opened_at, owner_role, state)
                        values (:rule, :subject, :application, :caseNumber, :department, :facts, :occurred, :now,
                            :owner, 'OPEN')
                        on conflict (rule, subject, department_code) do nothing""")
                        .param("rule", o.rule().name())
                        .param("subject", o.subject())
                        .param("application", o.applicationNumber())
                        .param("caseNumber", o.caseNumber())
                        .param("department", o.departmentCode())
                        .param("facts", o.facts())
                        .param("occurred", Jdbc.timestamp(o.occurredAt()))
                        .param("now", Jdbc.timestamp(now))
                        .param("owner", AccountabilityRecord.OWNER)
                        .update()
                == 1;
    }

    Optional<AccountabilityRecord> find(long id) {
        return jdbc.sql("select * from accountability_record where id = ?")
                .param(id)
                .query(AccountabilityRecords::row)
                .optional();
    }

    Optional<AccountabilityRecord> lock(long id) {
        return jdbc.sql("select * from accountability_record where id = ? for update")
                .param(id)
                .query(AccountabilityRecords::row)
                .optional();
    }

    /** Writes the resolution of a record (the guard trigger refuses any other change). */
    void resolved(AccountabilityRecord r) {
        jdbc.sql("""
                        update accountability_record
                        set state = :state, explanation = :explanation, resolved_by = :by, resolved_at = :at
                        where id = :id and state = 'OPEN'""")
                .param("state", r.state())
                .param("explanation", r.explanation())
                .param("by", r.resolvedBy())
                .param("at", Jdbc.timestamp(r.resolvedAt()))
                .param("id", r.id())
                .update();
    }

    /**
     * Records by department (null: all), state (null: both) and the day they occurred on ({@code from..to}
     * inclusive, in the service's zone, either null: open-ended); newest first.
     */
    List<AccountabilityRecord> list(
            String department, String state, Rule rule, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select * from accountability_record
                        where (cast(:department as text) is null or department_code = :department)
                          and (cast(:state as text) is null or state = :state)
                          and (cast(:rule as text) is null or rule = :rule)
                          and (cast(:from as date) is null or (occurred_at at time zone :zone)::date >= :from)
                          and (cast(:to as date) is null or (occurred_at at time zone :zone)::date <= :to)
                        order by occurred_at desc, id desc
                        limit :limit""")
                .param("department", department)
                .param("state", state)
                .param("rule", rule == null ? null : rule.name())
                .param("from", from)
                .param("to", to)
                .param("zone", zone.getId())
                .param("limit", limit)
                .query(AccountabilityRecords::row)
                .list();
    }

    private static AccountabilityRecord row(ResultSet rs, int n) throws SQLException {
        return new AccountabilityRecord(
                rs.getLong("id"),
                Rule.valueOf(rs.getString("rule")),
                rs.getString("subject"),
                rs.getString("application_number"),
                rs.getString("case_number"),
                rs.getString("department_code"),
                rs.getString("facts"),
                Jdbc.instant(rs, "occurred_at"),
                Jdbc.instant(rs, "opened_at"),
                rs.getString("owner_role"),
                rs.getString("state"),
                rs.getString("explanation"),
                rs.getString("resolved_by"),
                Jdbc.instant(rs, "resolved_at"));
    }
}
