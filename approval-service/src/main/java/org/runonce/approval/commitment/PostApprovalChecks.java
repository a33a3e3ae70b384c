package org.runonce.approval.commitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases accepted on commitment and their post-approval checks in PostgreSQL (V11). */
@Repository
class PostApprovalChecks {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {};

    private static final String SELECT = """
            select p.*, c.committed_materials, c.statement
            from post_approval_check p join commitment_case c using (case_number)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PostApprovalChecks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a case accepted on commitment; false when it was recorded before (a redelivered event). */
    boolean recordCase(ApplicationAccepted accepted, ApplicationAccepted.Case c, String region, Instant now) {
        return jdbc.sql("""
                        insert into commitment_case (case_number, application_number, item_code, item_version,
                            department_code, region, committed_materials, statement, signed_at, taken_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                        on conflict (case_number) do nothing""")
                        .params(
                                c.caseNumber(),
                                accepted.applicationNumber(),
                                c.itemCode(),
                                c.itemVersion(),
                                c.departmentCode(),
                                region,
                                json.writeValueAsString(c.committedMaterials()),
                                accepted.commitment().statement(),
                                Jdbc.timestamp(accepted.commitment().signedAt()),
                                accepted.commitment().takenBy(),
                                Jdbc.timestamp(now))
                        .update()
                == 1;
    }

    /** The commitment a case was accepted on, as intake recorded it. */
    Optional<CommitmentView> commitmentOf(String caseNumber) {
        return jdbc.sql("select * from commitment_case where case_number = ?")
                .param(caseNumber)
                .query((rs, n) -> new CommitmentView(
                        rs.getString("case_number"),
                        rs.getString("department_code"),
                        json.readValue(rs.getString("committed_materials"), CODES),
                        rs.getString("statement"),
                        Jdbc.instant(rs, "signed_at"),
                        rs.getString("taken_by"),
                        null))
                .optional();
    }

    /** The case's commitment, if it was accepted on one: item version and region. */
    Optional<CommittedCase> committedCase(String caseNumber) {
        return jdbc.sql("select * from commitment_case where case_number = ?")
                .param(caseNumber)
                .query((rs, n) -> new CommittedCase(
                        rs.getString("case_number"),
                        rs.getString("application_number"),
                        rs.getString("item_code"),
                        rs.getInt("item_version"),
                        rs.getString("department_code"),
                        rs.getString("region"),
                        json.readValue(rs.getString("committed_materials"), CODES)))
                .optional();
    }

    /** Schedules the check of an approved case once; false when it was scheduled before. */
    boolean schedule(CommittedCase c, String certificateNumber, LocalDate decidedOn, LocalDate dueOn, Instant now) {
        return jdbc.sql("""
                        insert into post_approval_check (id, case_number, application_number, item_code,
                            department_code, region, certificate_number, decided_on, due_on, scheduled_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_number) do nothing""")
                        .params(
                                UUID.randomUUID(),
                                c.caseNumber(),
                                c.applicationNumber(),
                                c.itemCode(),
                                c.departmentCode(),
                                c.region(),
                                certificateNumber,
                                decidedOn,
                                dueOn,
                                Jdbc.timestamp(now))
                        .update()
                == 1;
    }

    Optional<PostApprovalCheck> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::check).optional();
    }

    Optional<PostApprovalCheck> ofCase(String caseNumber) {
        return jdbc.sql(SELECT + " where p.case_number = ?")
                .param(caseNumber)
                .query(this::check)
                .optional();
    }

    /** The check locked for recording its result. */
    Optional<PostApprovalCheck> lock(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ? for update of p")
                .param(id)
                .query(this::check)
                .optional();
    }

    /**
     * Checks of a department (null: every department), filtered by status and, with {@code overdueOn}, only those
     * unrecorded past their day then; soonest due first.
     */
    List<PostApprovalCheck> list(String department, String status, LocalDate overdueOn, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        var params = new java.util.ArrayList<Object>();
        if (department != null) {
            sql.append(" and p.department_code = ?");
            params.add(department);
        }
        if (status != null) {
            sql.append(" and p.status = ?");
            params.add(status);
        }
        if (overdueOn != null) {
            sql.append(" and p.status = 'SCHEDULED' and p.due_on < ?");
            params.add(overdueOn);
        }
        sql.append(" order by p.due_on, p.case_number limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::check).list();
    }

    void record(UUID id, String status, String findings, String checkedBy, Instant at) {
        jdbc.sql("""
                        update post_approval_check set status = ?, findings = ?, checked_by = ?, checked_at = ?
                        where id = ? and status = 'SCHEDULED'""")
                .params(status, findings, checkedBy, Jdbc.timestamp(at), id)
                .update();
    }

    /** The checks due before {@code today}, unrecorded and not raised yet, locked; others' locks are skipped. */
    List<PostApprovalCheck> lockOverdue(LocalDate today) {
        return jdbc.sql(SELECT + """
                         where p.status = 'SCHEDULED' and p.overdue_at is null and p.due_on < ?
                        order by p.due_on for update of p skip locked""").param(today).query(this::check).list();
    }

    void markOverdue(UUID id, Instant at) {
        jdbc.sql("update post_approval_check set overdue_at = ? where id = ? and overdue_at is null")
                .params(Jdbc.timestamp(at), id)
                .update();
    }

    private PostApprovalCheck check(ResultSet rs, int n) throws SQLException {
        return new PostApprovalCheck(
                rs.getObject("id", UUID.class),
                rs.getString("case_number"),
                rs.getString("application_number"),
                rs.getString("item_code"),
                rs.getString("department_code"),
                rs.getString("region"),
                rs.getString("certificate_number"),
                json.readValue(rs.getString("committed_materials"), CODES),
                rs.getString("statement"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("status"),
                rs.getString("findings"),
                rs.getString("checked_by"),
                Jdbc.instant(rs, "checked_at"),
                Jdbc.instant(rs, "overdue_at"));
    }

    /**
     * A case accepted on commitment.
     *
     * @param caseNumber the case
     * @param applicationNumber its application
     * @param itemCode the item
     * @param itemVersion the version it is pinned to (its commitment gives the check's working days)
     * @param departmentCode the department
     * @param region the region whose calendar applies
     * @param committedMaterials the materials the commitment replaced
     */
    record CommittedCase(
            String caseNumber,
            String applicationNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            String region,
            List<String> committedMaterials) {}
}
