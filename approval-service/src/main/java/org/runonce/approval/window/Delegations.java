package org.runonce.approval.window;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants, revokes and finds window delegations; every change is appended to the department's delegation trail. */
@Service
class Delegations {

    private final JdbcClient jdbc;
    private final CatalogCopy catalog;
    private final AuditTrail audit;
    private final Time time;

    Delegations(JdbcClient jdbc, CatalogCopy catalog, AuditTrail audit, Time time) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.time = time;
    }

    /** The key of a department's delegation trail in the audit table. */
    static String trail(String department) {
        return AuditTrail.DELEGATIONS + department;
    }

    @Transactional
    Delegation grant(Caller head, String clerk, String itemCode, String reason, LocalDate validUntil) {
        String department = departmentOf(head);
        if (itemCode != null && !catalog.immediateItems(department).contains(itemCode)) {
            throw Refusal.unprocessable(
                    "not-immediate",
                    "Not an IMMEDIATE item of the department",
                    "window clerks can only be authorized for IMMEDIATE items of " + department + "; " + itemCode
                            + " is not one");
        }
        long id = jdbc.sql("""
                        insert into window_delegation (department_code, clerk, item_code, reason, granted_by, granted_at,
                            valid_until)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(department, clerk, itemCode, reason, head.username(), Jdbc.timestamp(time.now()), validUntil)
                .query(Long.class)
                .single();
        var delegation = find(id).orElseThrow();
        audit.append(trail(department), head.username(), "DELEGATION_GRANTED", reason, delegation);
        return delegation;
    }

    @Transactional
    Delegation revoke(Caller head, long id, String reason) {
        String department = departmentOf(head);
        var delegation = find(id).filter(d -> d.departmentCode().equals(department))
                .orElseThrow(() -> Refusal.notFound("delegation", Long.toString(id)));
        if (delegation.revokedAt() != null) {
            throw Refusal.conflict("delegation-revoked", "Already revoked", "delegation " + id + " was revoked");
        }
        jdbc.sql("""
                        update window_delegation set revoked_by = ?, revoked_at = ?, revocation_reason = ?
                        where id = ? and revoked_at is null""")
                .params(head.username(), Jdbc.timestamp(time.now()), reason, id)
                .update();
        var revoked = find(id).orElseThrow();
        audit.append(trail(department), head.username(), "DELEGATION_REVOKED", reason, revoked);
        return revoked;
    }

    List<Delegation> of(String department) {
        return jdbc.sql("select * from window_delegation where department_code = ? order by id")
                .param(department)
                .query(this::row)
                .list();
    }

    /** A delegation the clerk may use today for the item. */
    Optional<Delegation> active(String clerk, String department, String itemCode) {
        LocalDate today = time.today();
        return jdbc
                .sql("select * from window_delegation where clerk = ? and department_code = ? order by id desc")
                .params(clerk, department)
                .query(this::row)
                .stream()
                .filter(d -> d.activeOn(today) && d.covers(itemCode))
                .findFirst();
    }

    /** Records that the clerk decided a case under the delegation. */
    void used(Delegation delegation, String caseNumber, String outcome) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("delegationId", delegation.id());
        payload.put("clerk", delegation.clerk());
        payload.put("caseNumber", caseNumber);
        payload.put("outcome", outcome);
        audit.append(trail(delegation.departmentCode()), delegation.clerk(), "DELEGATION_USED", null, payload);
    }

    Optional<Delegation> find(long id) {
        return jdbc.sql("select * from window_delegation where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    static String departmentOf(Caller caller) {
        return caller.department()
                .orElseThrow(() ->
                        Refusal.forbidden("no-department", "No department", "only a department's head delegates"));
    }

    private Delegation row(ResultSet rs, int n) throws SQLException {
        return new Delegation(
                rs.getLong("id"),
                rs.getString("department_code"),
                rs.getString("clerk"),
                rs.getString("item_code"),
                rs.getString("reason"),
                rs.getString("granted_by"),
                Jdbc.instant(rs, "granted_at"),
                Jdbc.date(rs, "valid_until"),
                rs.getString("revoked_by"),
                Jdbc.instant(rs, "revoked_at"),
                rs.getString("revocation_reason"));
    }
}
