package org.runonce.approval.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.PostApprovalCheckFailed;
import org.runonce.contracts.approval.PostApprovalCheckOverdue;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.runonce.starter.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitment approval (告知承诺制) in the back office: remembers the cases intake accepted on the applicant's
 * commitment, schedules the post-approval check (事后核查) when such a case is approved (in the decision's
 * transaction, due the catalog's working days after the decision on the region's calendar), lets the department's
 * reviewers record it, and revokes the certificate when it fails.
 */
@Service
public class CommitmentApproval {

    private static final Logger log = LoggerFactory.getLogger(CommitmentApproval.class);

    /** The check's working days when approval's catalog copy does not know the item version's commitment. */
    static final int DEFAULT_CHECK_WORKING_DAYS = 20;

    static final String SUPERVISOR = "supervisor";
    static final List<String> DEPARTMENT_ROLES = List.of("reviewer", "department-head", "department-system");

    private final PostApprovalChecks checks;
    private final CatalogCopy catalog;
    private final Certificates certificates;
    private final AuditTrail audit;
    private final Events events;
    private final Time time;
    private final ApprovalProperties properties;

    CommitmentApproval(
            PostApprovalChecks checks,
            CatalogCopy catalog,
            Certificates certificates,
            AuditTrail audit,
            Events events,
            Time time,
            ApprovalProperties properties) {
        this.checks = checks;
        this.catalog = catalog;
        this.certificates = certificates;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.properties = properties;
    }

    /**
     * Records the cases of an application intake accepted on the applicant's commitment (its {@code commitment} and
     * each case's {@code committedMaterials}); nothing for any other application, nothing twice.
     */
    @Transactional
    public void accepted(ApplicationAccepted accepted) {
        if (accepted.commitment() == null) {
            return;
        }
        for (var c : accepted.cases()) {
            if (c.committedMaterials() == null || c.committedMaterials().isEmpty()) {
                continue;
            }
            String region = accepted.region() != null
                    ? accepted.region()
                    : catalog.regionOf(c.departmentCode()).orElse(properties.defaultRegion());
            if (checks.recordCase(accepted, c, region, time.now())) {
                log.info("case {} accepted on commitment instead of {}", c.caseNumber(), c.committedMaterials());
            }
        }
    }

    /** An approved case accepted on commitment owes a post-approval check: scheduled in the decision's transaction. */
    @EventListener
    void on(CloudEvent<?> event) {
        if (!(event.data() instanceof CaseDecided decided) || !CaseDecided.APPROVED.equals(decided.outcome())) {
            return;
        }
        var committed = checks.committedCase(decided.header().caseNumber()).orElse(null);
        if (committed == null) {
            return;
        }
        int days = catalog.itemVersion(committed.itemCode(), committed.itemVersion())
                .map(ItemVersionPublished::commitment)
                .map(ItemVersionPublished.Commitment::checkWithinWorkingDays)
                .orElseGet(() -> {
                    log.warn(
                            "item {} version {} has no commitment in approval's catalog copy: check due in {} working days",
                            committed.itemCode(),
                            committed.itemVersion(),
                            DEFAULT_CHECK_WORKING_DAYS);
                    return DEFAULT_CHECK_WORKING_DAYS;
                });
        Instant decidedAt = decided.decidedAt() != null ? decided.decidedAt() : time.now();
        LocalDate decidedOn = time.dayOf(decidedAt);
        LocalDate due = catalog.calendar(committed.region()).plusWorkingDays(decidedOn, days);
        if (checks.schedule(committed, decided.certificateNumber(), decidedOn, due, time.now())) {
            log.info("post-approval check of case {} due {}", committed.caseNumber(), due);
        }
    }

    /**
     * The commitment a case was accepted on and its check, for the department's staff and supervisors; anyone else,
     * and a case not accepted on commitment, 404.
     */
    @Transactional(readOnly = true)
    public CommitmentView commitmentOf(String caseNumber, Caller caller) {
        return checks.commitmentOf(caseNumber)
                .filter(c -> caller.hasRole(SUPERVISOR)
                        || (DEPARTMENT_ROLES.stream().anyMatch(caller::hasRole)
                                && caller.belongsTo(c.departmentCode())))
                .map(c -> c.withCheck(checks.ofCase(caseNumber).orElse(null)))
                .orElseThrow(() -> Refusal.notFound("commitment of case", caseNumber));
    }

    @Transactional(readOnly = true)
    PostApprovalCheck find(UUID id, Caller caller) {
        return checks.find(id)
                .filter(c -> sees(caller, c))
                .orElseThrow(() -> Refusal.notFound("post-approval check", id));
    }

    /** Supervisors: every department's (or the one named); staff: their department's only. */
    @Transactional(readOnly = true)
    List<PostApprovalCheck> list(Caller caller, String department, String status, boolean overdue, int limit) {
        String scope = department;
        if (!caller.hasRole(SUPERVISOR)) {
            if (caller.department().isEmpty() || (department != null && !caller.belongsTo(department))) {
                return List.of();
            }
            scope = caller.department().get();
        }
        return checks.list(scope, status, overdue ? time.today() : null, limit);
    }

    /**
     * A reviewer of the department records the check: PASSED, or FAILED with findings, which revokes the case's
     * certificate (the existing revocation, audited in the case's trail with the check) and raises
     * {@code post-approval-check.failed}. Recorded once (409 {@code check-recorded}); another department's 404.
     */
    @Transactional
    PostApprovalCheck record(UUID id, String outcome, String findings, Caller caller) {
        var check = checks.lock(id)
                .filter(c -> acts(caller, c))
                .orElseThrow(() -> Refusal.notFound("post-approval check", id));
        if (!PostApprovalCheck.SCHEDULED.equals(check.status())) {
            throw Refusal.conflict(
                            "check-recorded",
                            "Check recorded already",
                            "the post-approval check of case " + check.caseNumber() + " was recorded as "
                                    + check.status())
                    .with("status", check.status());
        }
        if (PostApprovalCheck.FAILED.equals(outcome) && (findings == null || findings.isBlank())) {
            throw Refusal.invalid("a failed check needs its findings");
        }
        Instant now = time.now();
        String clean = findings == null || findings.isBlank() ? null : findings.strip();
        checks.record(id, outcome, clean, caller.username(), now);
        audit.append(
                check.caseNumber(),
                caller.username(),
                "POST_APPROVAL_CHECK_" + outcome,
                clean,
                Map.of(
                        "postApprovalCheck",
                        id.toString(),
                        "dueOn",
                        check.dueOn().toString()));
        if (PostApprovalCheck.FAILED.equals(outcome)) {
            if (check.certificateNumber() != null) {
                certificates.revokeOnFailedCheck(
                        check.certificateNumber(),
                        "事后核查不符合承诺 (post-approval check failed): " + clean,
                        caller.username(),
                        id.toString());
            }
            events.publish(
                    PostApprovalCheckFailed.TYPE,
                    check.caseNumber(),
                    check.departmentCode(),
                    new PostApprovalCheckFailed(
                            id.toString(),
                            check.caseNumber(),
                            check.applicationNumber(),
                            check.itemCode(),
                            check.departmentCode(),
                            check.certificateNumber(),
                            check.dueOn(),
                            clean,
                            caller.username(),
                            now));
        }
        return checks.find(id).orElseThrow();
    }

    /**
     * One round of the overdue watch: every check past its day, unrecorded and not raised, is flagged and raises
     * {@code post-approval-check.overdue} in one transaction, its row locked SKIP LOCKED: once across instances.
     */
    @Transactional
    public List<String> raiseOverdue() {
        Instant now = time.now();
        List<PostApprovalCheck> due = checks.lockOverdue(time.today());
        for (var check : due) {
            checks.markOverdue(check.id(), now);
            events.publish(
                    PostApprovalCheckOverdue.TYPE,
                    check.caseNumber(),
                    check.departmentCode(),
                    new PostApprovalCheckOverdue(
                            check.id().toString(),
                            check.caseNumber(),
                            check.applicationNumber(),
                            check.itemCode(),
                            check.departmentCode(),
                            check.dueOn(),
                            now));
        }
        if (!due.isEmpty()) {
            log.info(
                    "post-approval checks overdue: {}",
                    due.stream().map(PostApprovalCheck::caseNumber).toList());
        }
        return due.stream().map(PostApprovalCheck::caseNumber).toList();
    }

    private static boolean sees(Caller caller, PostApprovalCheck check) {
        return caller.hasRole(SUPERVISOR) || acts(caller, check);
    }

    private static boolean acts(Caller caller, PostApprovalCheck check) {
        return DEPARTMENT_ROLES.stream().anyMatch(caller::hasRole) && caller.belongsTo(check.departmentCode());
    }
}
