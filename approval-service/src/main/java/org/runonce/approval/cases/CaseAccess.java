package org.runonce.approval.cases;

import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Department isolation: reviewers, heads and department systems see only their department's cases (another
 * department's case answers 404, as if it did not exist); supervisors read every case; the department's reviewers,
 * heads and systems (client credentials carrying the department claim) act on its cases, each under its own name in
 * the audit trail.
 */
@Component
class CaseAccess {

    static final String REVIEWER = "reviewer";
    static final String HEAD = "department-head";
    static final String DEPARTMENT_SYSTEM = "department-system";
    static final String SUPERVISOR = "supervisor";

    private final Cases cases;

    CaseAccess(Cases cases) {
        this.cases = cases;
    }

    /** The case if the caller may see it, else 404. */
    Case read(String number, Caller caller) {
        var c = cases.find(number).orElseThrow(() -> Refusal.notFound("case", number));
        requireVisible(c, caller);
        return c;
    }

    /** The case, locked, if the caller may act on it: 404 for another department, 403 for a read-only role. */
    Case act(String number, Caller caller) {
        var c = cases.lock(number).orElseThrow(() -> Refusal.notFound("case", number));
        requireVisible(c, caller);
        if (!caller.belongsTo(c.subject().departmentCode()) || !mayAct(caller)) {
            throw Refusal.forbidden(
                    "not-a-reviewer",
                    "Read only",
                    "only the department's reviewers, heads and systems act on its cases");
        }
        return c;
    }

    /** Reviewers, heads and department systems act; supervisors only read. */
    static boolean mayAct(Caller caller) {
        return caller.hasRole(REVIEWER) || caller.hasRole(HEAD) || caller.hasRole(DEPARTMENT_SYSTEM);
    }

    /** Like {@link #act} for actions only a department head takes. */
    Case actAsHead(String number, Caller caller) {
        var c = act(number, caller);
        if (!caller.hasRole(HEAD)) {
            throw Refusal.forbidden(
                    "department-head-only", "Department head only", "only a department head may do this");
        }
        return c;
    }

    static boolean isHead(Caller caller) {
        return caller.hasRole(HEAD);
    }

    static void requireVisible(Case c, Caller caller) {
        if (caller.hasRole(SUPERVISOR)) {
            return;
        }
        boolean departmentRole = caller.hasRole(REVIEWER) || caller.hasRole(HEAD) || caller.hasRole(DEPARTMENT_SYSTEM);
        if (!departmentRole || !caller.belongsTo(c.subject().departmentCode())) {
            throw Refusal.notFound("case", c.number());
        }
    }

    /** The department whose queue the caller sees. */
    static String departmentOf(Caller caller) {
        return caller.department()
                .orElseThrow(() -> Refusal.forbidden(
                        "no-department", "No department", "only department staff and systems have a queue"));
    }
}
