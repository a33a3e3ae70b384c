package org.runonce.approval.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.StoredPersonalData;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PlaintextRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case aggregate in PostgreSQL: loaded and saved whole, with what it owns (dependencies, materials, supplements,
 * pauses); saving hands what the case recorded to the {@link Journal} (audit trail and outbox) in the same
 * transaction. The applicant's ID number and phone number are stored encrypted ({@link StoredPersonalData}).
 */
@Repository
class Cases {

    private static final Logger log = LoggerFactory.getLogger(Cases.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Journal journal;
    private final CaseTime caseTime;
    private final ApprovalProperties properties;
    private final StoredPersonalData personalData;

    Cases(
            JdbcClient jdbc,
            JsonMapper json,
            Journal journal,
            CaseTime caseTime,
            ApprovalProperties properties,
            StoredPersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.journal = journal;
        this.caseTime = caseTime;
        this.properties = properties;
        this.personalData = personalData;
    }

    /** The days the case's clock reaches the warning and the overdue moment (calendar from the cached copy). */
    private DueDays dueDays(Case c) {
        return DueDays.of(
                c.parts().stopwatch().reading(),
                caseTime.calendar(c.subject().region()),
                properties.deadlines().warningPercent());
    }

    /** Adds a new case; false (nothing written) when a case with that number exists already: opening is idempotent. */
    boolean add(Case c) {
        var s = c.subject();
        var state = c.state();
        var due = dueDays(c);
        int inserted = jdbc.sql("""
                        insert into approval_case (number, application_number, bundle_code, item_code, item_version,
                            item_name_zh, item_name_en, department_code, region, handling_mode, applicant, status, steps,
                            step_index, accepted_at, opened_at, promised_days, started_on, warning_on, overdue_on)
                        values (:number, :application, :bundle, :item, :version, :zh, :en, :department, :region, :mode,
                            cast(:applicant as jsonb), :status, cast(:steps as jsonb), :stepIndex, :acceptedAt,
                            :openedAt, :promised, :startedOn, :warningOn, :overdueOn)
                        on conflict (number) do nothing""")
                .param("number", s.number())
                .param("application", s.applicationNumber())
                .param("bundle", s.bundleCode())
                .param("item", s.itemCode())
                .param("version", s.itemVersion())
                .param("zh", s.itemName() == null ? null : s.itemName().zh())
                .param("en", s.itemName() == null ? null : s.itemName().en())
                .param("department", s.departmentCode())
                .param("region", s.region())
                .param("mode", s.handlingMode())
                .param("applicant", personalData.write(s.applicant()))
                .param("status", state.status().name())
                .param("steps", json.writeValueAsString(s.procedure().steps()))
                .param("stepIndex", state.stepIndex())
                .param("acceptedAt", Jdbc.timestamp(s.acceptedAt()))
                .param("openedAt", Jdbc.timestamp(s.openedAt()))
                .param("promised", c.parts().stopwatch().promisedDays())
                .param("startedOn", c.parts().stopwatch().state().startedOn())
                .param("warningOn", due.warning())
                .param("overdueOn", due.overdue())
                .update();
        if (inserted == 0) {
            return false;
        }
        c.parts()
                .prerequisites()
                .dependsOn()
                .forEach(d -> jdbc.sql(
                                "insert into case_dependency (case_number, depends_on) values (?, ?) on conflict do nothing")
                        .params(c.number(), d)
                        .update());
        saveParts(c);
        return true;
    }

    /** Writes the case's state and what changed of its parts, and journals what it recorded. */
    void save(Case c) {
        var state = c.state();
        var d = state.decision();
        var parts = c.parts();
        var clock = parts.stopwatch().state();
        var second = parts.supplements().second();
        var due = dueDays(c);
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
                            withdrawal_reason = :withdrawalReason, warning_on = :warningOn, overdue_on = :overdueOn
                        where number = :number""")
                .param("number", c.number())
                .param("status", state.status().name())
                .param("stepIndex", state.stepIndex())
                .param("assignee", parts.assignment().assignee())
                .param("assignedAt", Jdbc.timestamp(parts.assignment().assignedAt()))
                .param("startedOn", clock.startedOn())
                .param("suspendedDays", clock.suspendedDays())
                .param("pausedSince", clock.pausedSince())
                .param("pauseKind", clock.pauseKind())
                .param("stoppedOn", clock.stoppedOn())
                .param("warnedAt", Jdbc.timestamp(clock.warnedAt()))
                .param("overdueAt", Jdbc.timestamp(clock.overdueAt()))
                .param("supplements", parts.supplements().count())
                .param("secondApprover", second.approver())
                .param("secondReason", second.reason())
                .param("secondAt", Jdbc.timestamp(second.at()))
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
                .param("withdrawnAt", Jdbc.timestamp(state.withdrawnAt()))
                .param("withdrawalReason", state.withdrawalReason())
                .param("warningOn", due.warning())
                .param("overdueOn", due.overdue())
                .update();
        saveParts(c);
    }

    private void saveParts(Case c) {
        var parts = c.parts();
        if (parts.materials().changed()) {
            saveMaterials(c.number(), parts.materials());
        }
        if (parts.supplements().changed()) {
            for (var s : parts.supplements().requests()) {
                jdbc.sql("""
                                insert into case_supplement (case_number, request_number, requested_at, requested_by,
                                    reason, materials, second_approved_by, second_approval, flagged, received_at,
                                    received_by)
                                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                                on conflict (case_number, request_number) do update
                                    set received_at = excluded.received_at, received_by = excluded.received_by""")
                        .params(
                                c.number(),
                                s.requestNumber(),
                                Jdbc.timestamp(s.requestedAt()),
                                s.requestedBy(),
                                s.reason(),
                                json.writeValueAsString(s.materials()),
                                s.secondApprovedBy(),
                                s.secondApproval(),
                                s.flagged(),
                                Jdbc.timestamp(s.receivedAt()),
                                s.receivedBy())
                        .update();
            }
        }
        if (parts.stopwatch().changed()) {
            var pauses = parts.stopwatch().pauses();
            for (int i = 0; i < pauses.size(); i++) {
                var p = pauses.get(i);
                jdbc.sql("""
                                insert into case_pause (case_number, seq, kind, reason, started_on, started_at,
                                    expected_days, expected_end, ended_on, ended_at, working_days)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                on conflict (case_number, seq) do update set ended_on = excluded.ended_on,
                                    ended_at = excluded.ended_at, working_days = excluded.working_days""")
                        .params(
                                c.number(),
                                i + 1,
                                p.kind(),
                                p.reason(),
                                p.startedOn(),
                                Jdbc.timestamp(p.startedAt()),
                                p.expectedDays(),
                                p.expectedEnd(),
                                p.endedOn(),
                                Jdbc.timestamp(p.endedAt()),
                                p.workingDays())
                        .update();
            }
        }
        c.pullEntries().forEach(e -> journal.write(c.number(), e));
    }

    private void saveMaterials(String caseNumber, CaseMaterials materials) {
        var all = materials.all();
        for (int i = 0; i < all.size(); i++) {
            var m = all.get(i);
            var r = m.reference();
            if (m.id() == null) {
                long id = jdbc.sql("""
                                insert into case_material (case_number, code, document_id, certificate_number,
                                    produced_by_case, attached_at) values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(
                                caseNumber,
                                r.code(),
                                r.documentId(),
                                r.certificateNumber(),
                                r.producedByCase(),
                                Jdbc.timestamp(m.attachedAt()))
                        .query(Long.class)
                        .single();
                materials.saved(i, id);
            } else if (r.certificateNumber() != null) {
                jdbc.sql("""
                                update case_material set certificate_number = ?
                                where id = ? and certificate_number is null""").params(r.certificateNumber(), m.id()).update();
            }
        }
    }

    boolean exists(String number) {
        return jdbc.sql("select exists (select 1 from approval_case where number = ?)")
                .param(number)
                .query(Boolean.class)
                .single();
    }

    Optional<Case> find(String number) {
        return load("select * from approval_case where number = ?", number);
    }

    /** The case, locked for this transaction (actions on one case are serialized). */
    Optional<Case> lock(String number) {
        return load("select * from approval_case where number = ? for update", number);
    }

    /** The case locked, or empty when another transaction holds it (the deadline job skips it this round). */
    Optional<Case> tryLock(String number) {
        return load("select * from approval_case where number = ? for update skip locked", number);
    }

    /** Numbers of the application's cases. */
    List<String> ofApplication(String applicationNumber) {
        return jdbc.sql("select number from approval_case where application_number = ? order by number")
                .param(applicationNumber)
                .query(String.class)
                .list();
    }

    /** Numbers of the cases waiting for {@code number}. */
    List<String> dependentsOf(String number) {
        return jdbc.sql("""
                        select d.case_number from case_dependency d join approval_case c on c.number = d.case_number
                        where d.depends_on = ? and c.status = 'WAITING' order by d.case_number""").param(number).query(String.class).list();
    }

    /** Status of each case named, for those that exist. */
    Map<String, Status> statuses(List<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select number, status from approval_case where number in (:numbers)")
                .param("numbers", numbers)
                .query(rs -> {
                    Map<String, Status> map = new HashMap<>();
                    while (rs.next()) {
                        map.put(rs.getString("number"), Status.valueOf(rs.getString("status")));
                    }
                    return map;
                });
    }

    /**
     * Cases whose warning or overdue day has come ({@code today} or before) and whose event is not raised yet: read
     * through the two partial indexes, so a round costs what is due, not every open case.
     */
    List<String> deadlineCandidates(LocalDate today) {
        return jdbc.sql("""
                        select number from approval_case
                        where (warning_on <= :today and warned_at is null)
                           or (overdue_on <= :today and overdue_at is null)
                        order by number""").param("today", today).query(String.class).list();
    }

    /**
     * The region's working-day calendar changed: its running clocks whose events are not raised yet become due now,
     * so that the next round of the deadline watch checks them once and stores their days on the new calendar.
     */
    int recheckDueDays(String region) {
        return jdbc.sql("""
                        update approval_case
                        set warning_on = case when warned_at is null and warning_on is not null then started_on
                                else warning_on end,
                            overdue_on = case when overdue_at is null and overdue_on is not null then started_on
                                else overdue_on end
                        where region = ? and (warning_on is not null or overdue_on is not null)
                          and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')""").param(region).update();
    }

    /**
     * Encrypts the applicant of open cases stored before encryption, at every start. Decided and withdrawn cases keep
     * their applicant as stored: the database refuses any change of them (V4), and that guard is not lifted for this
     * (docs/data-map.md).
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptOpenCasesStoredInPlaintext() {
        personalData.encryptStoredBefore(
                jdbc,
                new StoredPersonalData.Plaintext(
                        "open cases' applicants",
                        new PlaintextRows.Column(
                                "approval_case",
                                "number",
                                "applicant",
                                true,
                                "status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')"
                                        + " and (applicant ->> 'idNumber' not like 'pd1:%'"
                                        + " or applicant ->> 'phone' not like 'pd1:%')",
                                null)));
    }

    private Optional<Case> load(String sql, String number) {
        return jdbc.sql(sql).param(number).query(this::row).optional().map(this::withParts);
    }

    /** The case row, its parts still to be read. */
    private record Row(
            Subject subject,
            Case.State state,
            Assignment assignment,
            Stopwatch.State clock,
            Supplements.SecondApproval second) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        String zh = rs.getString("item_name_zh");
        String number = rs.getString("number");
        var subject = new Subject(
                number,
                rs.getString("application_number"),
                rs.getString("bundle_code"),
                rs.getString("item_code"),
                rs.getInt("item_version"),
                zh == null ? null : new Name(zh, rs.getString("item_name_en")),
                rs.getString("department_code"),
                rs.getString("region"),
                rs.getString("handling_mode"),
                personalData.read(rs.getString("applicant"), Applicant.class),
                new Procedure(List.of(json.readValue(rs.getString("steps"), Procedure.Step[].class))),
                Jdbc.instant(rs, "accepted_at"),
                Jdbc.instant(rs, "opened_at"));
        String outcome = rs.getString("outcome");
        var decision = outcome == null
                ? null
                : new Decision(
                        Status.valueOf(outcome),
                        rs.getString("decision_reason"),
                        rs.getString("legal_basis"),
                        Jdbc.instant(rs, "decided_at"),
                        rs.getString("decided_by"),
                        rs.getBoolean("at_window"),
                        rs.getObject("delegation_id", Long.class),
                        rs.getInt("days_used"),
                        rs.getBoolean("on_time"),
                        rs.getString("certificate_number"));
        var state = new Case.State(
                Status.valueOf(rs.getString("status")),
                rs.getInt("step_index"),
                decision,
                Jdbc.instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_reason"));
        return new Row(
                subject,
                state,
                new Assignment(number, rs.getString("assignee"), Jdbc.instant(rs, "assigned_at")),
                CaseQueue.clock(rs),
                new Supplements.SecondApproval(
                        rs.getString("second_supplement_approver"),
                        rs.getString("second_supplement_reason"),
                        Jdbc.instant(rs, "second_supplement_at")));
    }

    private Case withParts(Row row) {
        String number = row.subject().number();
        var dependencies = jdbc.sql("select depends_on from case_dependency where case_number = ? order by depends_on")
                .param(number)
                .query(String.class)
                .list();
        var materials = jdbc.sql("""
                        select id, code, document_id, certificate_number, produced_by_case, attached_at
                        from case_material where case_number = ? order by id""")
                .param(number)
                .query((rs, n) -> new CaseMaterials.Material(
                        rs.getLong("id"),
                        new MaterialReference(
                                rs.getString("code"),
                                rs.getString("document_id"),
                                rs.getString("certificate_number"),
                                rs.getString("produced_by_case")),
                        Jdbc.instant(rs, "attached_at")))
                .list();
        var supplements = jdbc.sql("select * from case_supplement where case_number = ? order by request_number")
                .param(number)
                .query((rs, n) -> new Supplements.Supplement(
                        rs.getInt("request_number"),
                        Jdbc.instant(rs, "requested_at"),
                        rs.getString("requested_by"),
                        rs.getString("reason"),
                        json.readValue(rs.getString("materials"), Object.class),
                        rs.getString("second_approved_by"),
                        rs.getString("second_approval"),
                        Jdbc.instant(rs, "received_at"),
                        rs.getString("received_by")))
                .list();
        var pauses = jdbc.sql("select * from case_pause where case_number = ? order by seq")
                .param(number)
                .query((rs, n) -> new Stopwatch.Pause(
                        rs.getString("kind"),
                        rs.getString("reason"),
                        Jdbc.date(rs, "started_on"),
                        Jdbc.instant(rs, "started_at"),
                        Jdbc.integer(rs, "expected_days"),
                        Jdbc.date(rs, "expected_end"),
                        Jdbc.date(rs, "ended_on"),
                        Jdbc.instant(rs, "ended_at"),
                        Jdbc.integer(rs, "working_days")))
                .list();
        return new Case(
                row.subject(),
                row.state(),
                new CaseParts(
                        row.assignment(),
                        new Stopwatch(row.clock(), pauses),
                        new Supplements(number, row.second(), supplements),
                        new CaseMaterials(materials),
                        new Prerequisites(dependencies)));
    }
}
