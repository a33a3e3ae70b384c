package org.runonce.approval.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.approval.shared.Jdbc;
import org.runonce.contracts.catalog.Name;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Cases and what hangs off them (dependencies, materials, supplements, pauses) in PostgreSQL. */
@Repository
class Cases {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Cases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new case; false when a case with that number exists already (opening is idempotent). */
    boolean insert(Case c) {
        int inserted = jdbc.sql("""
                        insert into approval_case (number, application_number, bundle_code, item_code, item_version,
                            item_name_zh, item_name_en, department_code, region, handling_mode, applicant, status, steps,
                            step_index, accepted_at, opened_at, promised_days, started_on)
                        values (:number, :application, :bundle, :item, :version, :zh, :en, :department, :region, :mode,
                            cast(:applicant as jsonb), :status, cast(:steps as jsonb), :stepIndex, :acceptedAt,
                            :openedAt, :promised, :startedOn)
                        on conflict (number) do nothing""")
                .param("number", c.number)
                .param("application", c.applicationNumber)
                .param("bundle", c.bundleCode)
                .param("item", c.itemCode)
                .param("version", c.itemVersion)
                .param("zh", c.itemName == null ? null : c.itemName.zh())
                .param("en", c.itemName == null ? null : c.itemName.en())
                .param("department", c.departmentCode)
                .param("region", c.region)
                .param("mode", c.handlingMode)
                .param("applicant", json.writeValueAsString(c.applicant))
                .param("status", c.status.name())
                .param("steps", json.writeValueAsString(c.procedure.steps()))
                .param("stepIndex", c.stepIndex)
                .param("acceptedAt", Jdbc.timestamp(c.acceptedAt))
                .param("openedAt", Jdbc.timestamp(c.openedAt))
                .param("promised", c.promisedDays)
                .param("startedOn", c.startedOn)
                .update();
        return inserted == 1;
    }

    /** Writes the case's mutable state. */
    void update(Case c) {
        var d = c.decision;
        jdbc.sql("""
                        update approval_case set status = :status, step_index = :stepIndex, assignee = :assignee,
                            assigned_at = :assignedAt, started_on = :startedOn, suspended_days = :suspendedDays,
                            paused_since = :pausedSince, pause_kind = :pauseKind, stopped_on = :stoppedOn,
                            warned_at = :warnedAt, overdue_at = :overdueAt, supplement_count = :supplements,
                            second_supplement_approver = :secondApprover, second_supplement_reason = :secondReason,
                            second_supplement_at = :secondAt, outcome = :outcome, decision_reason = :reason,
                            legal_basis = :legalBasis, decided_at = :decidedAt, decided_by = :decidedBy,
                            at_window = :atWindow, delegation_id = :delegationId, days_used = :daysUsed,
                            on_time = :onTime, certificate_number = :certificate, withdrawn_at = :withdrawnAt,
                            withdrawal_reason = :withdrawalReason
                        where number = :number""")
                .param("number", c.number)
                .param("status", c.status.name())
                .param("stepIndex", c.stepIndex)
                .param("assignee", c.assignee)
                .param("assignedAt", Jdbc.timestamp(c.assignedAt))
                .param("startedOn", c.startedOn)
                .param("suspendedDays", c.suspendedDays)
                .param("pausedSince", c.pausedSince)
                .param("pauseKind", c.pauseKind)
                .param("stoppedOn", c.stoppedOn)
                .param("warnedAt", Jdbc.timestamp(c.warnedAt))
                .param("overdueAt", Jdbc.timestamp(c.overdueAt))
                .param("supplements", c.supplementCount)
                .param("secondApprover", c.secondSupplementApprover)
                .param("secondReason", c.secondSupplementReason)
                .param("secondAt", Jdbc.timestamp(c.secondSupplementAt))
                .param("outcome", d == null ? null : d.outcome().name())
                .param("reason", d == null ? null : d.reason())
                .param("legalBasis", d == null ? null : d.legalBasis())
                .param("decidedAt", d == null ? null : Jdbc.timestamp(d.decidedAt()))
                .param("decidedBy", d == null ? null : d.decidedBy())
                .param("atWindow", d != null && d.atWindow())
                .param("delegationId", d == null ? null : d.delegationId())
                .param("daysUsed", d == null ? null : d.daysUsed())
                .param("onTime", d == null ? null : d.onTime())
                .param("certificate", d == null ? null : d.certificateNumber())
                .param("withdrawnAt", Jdbc.timestamp(c.withdrawnAt))
                .param("withdrawalReason", c.withdrawalReason)
                .update();
    }

    boolean exists(String number) {
        return jdbc.sql("select exists (select 1 from approval_case where number = ?)")
                .param(number)
                .query(Boolean.class)
                .single();
    }

    Optional<Case> find(String number) {
        return jdbc.sql("select * from approval_case where number = ?")
                .param(number)
                .query(this::row)
                .optional();
    }

    /** The case, locked for this transaction (actions on one case are serialized). */
    Optional<Case> lock(String number) {
        return jdbc.sql("select * from approval_case where number = ? for update")
                .param(number)
                .query(this::row)
                .optional();
    }

    /** The case locked, or empty when another transaction holds it (the deadline job skips it this round). */
    Optional<Case> tryLock(String number) {
        return jdbc.sql("select * from approval_case where number = ? for update skip locked")
                .param(number)
                .query(this::row)
                .optional();
    }

    List<Case> ofApplication(String applicationNumber) {
        return jdbc.sql("select * from approval_case where application_number = ? order by number")
                .param(applicationNumber)
                .query(this::row)
                .list();
    }

    /** Numbers of the cases waiting for {@code number}. */
    List<String> dependentsOf(String number) {
        return jdbc.sql("""
                        select d.case_number from case_dependency d join approval_case c on c.number = d.case_number
                        where d.depends_on = ? and c.status = 'WAITING' order by d.case_number""").param(number).query(String.class).list();
    }

    List<String> dependenciesOf(String number) {
        return jdbc.sql("select depends_on from case_dependency where case_number = ? order by depends_on")
                .param(number)
                .query(String.class)
                .list();
    }

    /** Status of each case named, for those that exist. */
    Map<String, Status> statuses(List<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select number, status from approval_case where number in (:numbers)")
                .param("numbers", numbers)
                .query(rs -> {
                    Map<String, Status> map = new java.util.HashMap<>();
                    while (rs.next()) {
                        map.put(rs.getString("number"), Status.valueOf(rs.getString("status")));
                    }
                    return map;
                });
    }

    void insertDependency(String caseNumber, String dependsOn) {
        jdbc.sql("insert into case_dependency (case_number, depends_on) values (?, ?) on conflict do nothing")
                .params(caseNumber, dependsOn)
                .update();
    }

    // ---- materials ----------------------------------------------------------------------------------------------

    /**
     * A material of a case.
     *
     * @param code material code
     * @param documentId intake document, or null
     * @param certificateNumber e-certificate, or null
     * @param producedByCase the case whose certificate satisfies it, or null
     * @param attachedAt when it was added to the case
     */
    record MaterialRow(
            String code, String documentId, String certificateNumber, String producedByCase, Instant attachedAt) {}

    void insertMaterial(String caseNumber, MaterialRow m) {
        jdbc.sql("""
                        insert into case_material (case_number, code, document_id, certificate_number, produced_by_case,
                            attached_at) values (?, ?, ?, ?, ?, ?)""")
                .params(
                        caseNumber,
                        m.code(),
                        m.documentId(),
                        m.certificateNumber(),
                        m.producedByCase(),
                        Jdbc.timestamp(m.attachedAt()))
                .update();
    }

    /** Sets the certificate on the materials that waited for {@code producedBy}; returns their codes. */
    List<String> attachCertificate(String caseNumber, String producedBy, String certificateNumber) {
        return jdbc.sql("""
                        update case_material set certificate_number = ?
                        where case_number = ? and produced_by_case = ? and certificate_number is null
                        returning code""")
                .params(certificateNumber, caseNumber, producedBy)
                .query(String.class)
                .list();
    }

    List<MaterialRow> materials(String caseNumber) {
        return jdbc.sql("""
                        select code, document_id, certificate_number, produced_by_case, attached_at
                        from case_material where case_number = ? order by id""")
                .param(caseNumber)
                .query((rs, n) -> new MaterialRow(
                        rs.getString("code"),
                        rs.getString("document_id"),
                        rs.getString("certificate_number"),
                        rs.getString("produced_by_case"),
                        Jdbc.instant(rs, "attached_at")))
                .list();
    }

    // ---- supplements and pauses ---------------------------------------------------------------------------------

    void insertSupplement(
            String caseNumber,
            int requestNumber,
            Instant at,
            String by,
            String reason,
            Object materials,
            String secondApprovedBy,
            String secondApproval) {
        jdbc.sql("""
                        insert into case_supplement (case_number, request_number, requested_at, requested_by, reason,
                            materials, second_approved_by, second_approval, flagged)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(
                        caseNumber,
                        requestNumber,
                        Jdbc.timestamp(at),
                        by,
                        reason,
                        json.writeValueAsString(materials),
                        secondApprovedBy,
                        secondApproval,
                        requestNumber > 1)
                .update();
    }

    void supplementReceived(String caseNumber, Instant at, String by) {
        jdbc.sql("""
                        update case_supplement set received_at = ?, received_by = ?
                        where case_number = ? and received_at is null""").params(Jdbc.timestamp(at), by, caseNumber).update();
    }

    /**
     * A supplement request.
     *
     * @param requestNumber 1 or 2
     * @param requestedAt when
     * @param requestedBy who
     * @param reason why
     * @param materials what, as JSON
     * @param secondApprovedBy the head who approved a second request
     * @param secondApproval the head's reason
     * @param flagged counted by supervision
     * @param receivedAt when the supplement came, or null
     */
    record SupplementRow(
            int requestNumber,
            Instant requestedAt,
            String requestedBy,
            String reason,
            Object materials,
            String secondApprovedBy,
            String secondApproval,
            boolean flagged,
            Instant receivedAt) {}

    List<SupplementRow> supplements(String caseNumber) {
        return jdbc.sql("select * from case_supplement where case_number = ? order by request_number")
                .param(caseNumber)
                .query((rs, n) -> new SupplementRow(
                        rs.getInt("request_number"),
                        Jdbc.instant(rs, "requested_at"),
                        rs.getString("requested_by"),
                        rs.getString("reason"),
                        json.readValue(rs.getString("materials"), Object.class),
                        rs.getString("second_approved_by"),
                        rs.getString("second_approval"),
                        rs.getBoolean("flagged"),
                        Jdbc.instant(rs, "received_at")))
                .list();
    }

    void insertPause(
            String caseNumber,
            String kind,
            String reason,
            LocalDate startedOn,
            Instant startedAt,
            Integer expectedDays,
            LocalDate expectedEnd) {
        jdbc.sql("""
                        insert into case_pause (case_number, seq, kind, reason, started_on, started_at, expected_days,
                            expected_end)
                        values (?, (select coalesce(max(seq), 0) + 1 from case_pause where case_number = ?), ?, ?, ?, ?,
                            ?, ?)""")
                .params(
                        caseNumber,
                        caseNumber,
                        kind,
                        reason,
                        startedOn,
                        Jdbc.timestamp(startedAt),
                        expectedDays,
                        expectedEnd)
                .update();
    }

    void endPause(String caseNumber, LocalDate endedOn, Instant endedAt, int workingDays) {
        jdbc.sql("""
                        update case_pause set ended_on = ?, ended_at = ?, working_days = ?
                        where case_number = ? and ended_at is null""")
                .params(endedOn, Jdbc.timestamp(endedAt), workingDays, caseNumber)
                .update();
    }

    /**
     * A time the clock stood still.
     *
     * @param kind SUPPLEMENT or the special procedure
     * @param reason why
     * @param startedOn first day
     * @param expectedDays expected working days, or null
     * @param expectedEnd expected end, or null
     * @param endedOn when it ended, or null while it lasts
     * @param workingDays working days it lasted, or null while it lasts
     */
    record PauseRow(
            String kind,
            String reason,
            LocalDate startedOn,
            Integer expectedDays,
            LocalDate expectedEnd,
            LocalDate endedOn,
            Integer workingDays) {}

    List<PauseRow> pauses(String caseNumber) {
        return jdbc.sql("select * from case_pause where case_number = ? order by seq")
                .param(caseNumber)
                .query((rs, n) -> new PauseRow(
                        rs.getString("kind"),
                        rs.getString("reason"),
                        Jdbc.date(rs, "started_on"),
                        Jdbc.integer(rs, "expected_days"),
                        Jdbc.date(rs, "expected_end"),
                        Jdbc.date(rs, "ended_on"),
                        Jdbc.integer(rs, "working_days")))
                .list();
    }

    // ---- queues -------------------------------------------------------------------------------------------------

    /**
     * A department's cases, filtered.
     *
     * @param department the department, or null for all (supervisors)
     * @param status only this status, or null
     * @param assignee only this assignee, "" for unassigned, or null
     * @param openOnly only undecided cases
     * @param flagged only warned or overdue ones
     * @param openedSince only cases opened at or after this instant, in the order they were opened; or null for all,
     *     most urgent first
     */
    List<Case> query(
            String department,
            Status status,
            String assignee,
            boolean openOnly,
            boolean flagged,
            Instant openedSince,
            int limit,
            int offset) {
        StringBuilder sql = new StringBuilder("select * from approval_case where true");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (department != null) {
            sql.append(" and department_code = :department");
            params.put("department", department);
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (assignee != null) {
            if (assignee.isEmpty()) {
                sql.append(" and assignee is null");
            } else {
                sql.append(" and assignee = :assignee");
                params.put("assignee", assignee);
            }
        }
        if (openOnly) {
            sql.append(" and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')");
        }
        if (flagged) {
            sql.append(" and (warned_at is not null or overdue_at is not null)");
        }
        if (openedSince != null) {
            sql.append(" and opened_at >= :openedSince order by opened_at, number");
            params.put("openedSince", Jdbc.timestamp(openedSince));
        } else {
            sql.append(" order by overdue_at nulls last, warned_at nulls last, accepted_at, number");
        }
        sql.append(" limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** Undecided cases whose clock has started and that were not yet warned or not yet reported overdue. */
    List<String> deadlineCandidates() {
        return jdbc.sql("""
                        select number from approval_case
                        where stopped_on is null and started_on is not null
                          and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
                          and (warned_at is null or overdue_at is null)
                        order by started_on, number""").query(String.class).list();
    }

    private Case row(ResultSet rs, int n) throws SQLException {
        String zh = rs.getString("item_name_zh");
        var c = new Case(
                rs.getString("number"),
                rs.getString("application_number"),
                rs.getString("bundle_code"),
                rs.getString("item_code"),
                rs.getInt("item_version"),
                zh == null ? null : new Name(zh, rs.getString("item_name_en")),
                rs.getString("department_code"),
                rs.getString("region"),
                rs.getString("handling_mode"),
                json.readValue(rs.getString("applicant"), Applicant.class),
                new Procedure(List.of(json.readValue(rs.getString("steps"), Procedure.Step[].class))),
                Jdbc.instant(rs, "accepted_at"),
                Jdbc.instant(rs, "opened_at"),
                rs.getInt("promised_days"));
        c.status = Status.valueOf(rs.getString("status"));
        c.stepIndex = rs.getInt("step_index");
        c.assignee = rs.getString("assignee");
        c.assignedAt = Jdbc.instant(rs, "assigned_at");
        c.startedOn = Jdbc.date(rs, "started_on");
        c.suspendedDays = rs.getInt("suspended_days");
        c.pausedSince = Jdbc.date(rs, "paused_since");
        c.pauseKind = rs.getString("pause_kind");
        c.stoppedOn = Jdbc.date(rs, "stopped_on");
        c.warnedAt = Jdbc.instant(rs, "warned_at");
        c.overdueAt = Jdbc.instant(rs, "overdue_at");
        c.supplementCount = rs.getInt("supplement_count");
        c.secondSupplementApprover = rs.getString("second_supplement_approver");
        c.secondSupplementReason = rs.getString("second_supplement_reason");
        c.secondSupplementAt = Jdbc.instant(rs, "second_supplement_at");
        String outcome = rs.getString("outcome");
        if (outcome != null) {
            Long delegation = rs.getObject("delegation_id", Long.class);
            c.decision = new Case.Decision(
                    Status.valueOf(outcome),
                    rs.getString("decision_reason"),
                    rs.getString("legal_basis"),
                    Jdbc.instant(rs, "decided_at"),
                    rs.getString("decided_by"),
                    rs.getBoolean("at_window"),
                    delegation,
                    rs.getInt("days_used"),
                    rs.getBoolean("on_time"),
                    rs.getString("certificate_number"));
        }
        c.withdrawnAt = Jdbc.instant(rs, "withdrawn_at");
        c.withdrawalReason = rs.getString("withdrawal_reason");
        return c;
    }
}
