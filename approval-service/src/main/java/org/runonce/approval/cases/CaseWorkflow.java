package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.CertificateRequest;
import org.runonce.approval.certificate.Certificates;
import org.runonce.approval.shared.ApprovalProperties;
import org.runonce.approval.shared.Refusals;
import org.runonce.approval.shared.Time;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.starter.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes cases: opening from accepted applications, the review workflow, decisions with their
 * certificates, dependent cases starting, withdrawals. Each change is one transaction: the case, its audit entry and
 * its event commit together.
 */
@Service
public class CaseWorkflow {

    private static final Logger log = LoggerFactory.getLogger(CaseWorkflow.class);

    private final Cases cases;
    private final CaseAccess access;
    private final CaseViews views;
    private final Journal journal;
    private final CatalogCopy catalog;
    private final Certificates certificates;
    private final Time time;
    private final ApprovalProperties properties;

    CaseWorkflow(
            Cases cases,
            CaseAccess access,
            CaseViews views,
            Journal journal,
            CatalogCopy catalog,
            Certificates certificates,
            Time time,
            ApprovalProperties properties) {
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.journal = journal;
        this.catalog = catalog;
        this.certificates = certificates;
        this.time = time;
        this.properties = properties;
    }

    // ---- opening ------------------------------------------------------------------------------------------------

    /**
     * Opens the cases of an accepted application, idempotently: a case that exists already is left as it is (a
     * redelivered or replayed event opens nothing twice). Returns the cases opened now.
     */
    @Transactional
    public List<String> open(OpenCases command) {
        List<String> opened = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        command.cases().forEach(c -> inBatch.add(c.caseNumber()));
        for (var spec : command.cases()) {
            openOne(command, spec, inBatch, "system").ifPresent(c -> opened.add(c.number));
        }
        return opened;
    }

    private Optional<Case> openOne(OpenCases command, OpenCases.CaseToOpen spec, Set<String> inBatch, String actor) {
        if (cases.exists(spec.caseNumber())) {
            log.debug("case {} exists already, not opened again", spec.caseNumber());
            return Optional.empty();
        }
        var version = catalog.itemVersion(spec.itemCode(), spec.itemVersion());
        if (version.isEmpty()) {
            log.warn(
                    "item {} version {} unknown to approval's catalog copy: case {} opened with the standard procedure",
                    spec.itemCode(),
                    spec.itemVersion(),
                    spec.caseNumber());
        }
        String department = version.map(ItemVersionPublished::departmentCode).orElse(spec.departmentCode());
        if (department == null) {
            throw new IllegalArgumentException("case " + spec.caseNumber() + " has no department");
        }
        int promised = version.map(v -> v.timeLimits().promisedWorkingDays())
                .orElse(spec.promisedWorkingDays() == null ? 0 : spec.promisedWorkingDays());
        String region = command.region() != null
                ? command.region()
                : catalog.regionOf(department).orElse(properties.defaultRegion());
        var dependencyStatuses = cases.statuses(spec.dependsOn());
        List<String> waitingFor = spec.dependsOn().stream()
                .filter(d -> dependencyStatuses.get(d) != Status.APPROVED)
                .toList();
        Instant now = time.now();
        var c = Case.open(
                spec.caseNumber(),
                command.applicationNumber(),
                command.bundleCode(),
                spec.itemCode(),
                spec.itemVersion(),
                version.map(ItemVersionPublished::name).orElse(null),
                department,
                region,
                version.map(ItemVersionPublished::handlingMode).orElse("RUN_ONCE"),
                command.applicant(),
                version.map(Procedure::of).orElseGet(Procedure::standard),
                command.acceptedAt(),
                now,
                promised,
                !waitingFor.isEmpty(),
                time.dayOf(command.acceptedAt()));
        if (!cases.insert(c)) {
            return Optional.empty();
        }
        spec.dependsOn().forEach(d -> cases.insertDependency(c.number, d));
        for (var m : spec.materials()) {
            cases.insertMaterial(
                    c.number,
                    new Cases.MaterialRow(m.code(), m.documentId(), m.certificateNumber(), m.producedByCase(), now));
        }
        journal.record(
                "OPENED",
                actor,
                null,
                CaseEvents.opened(
                        c,
                        views.clock(c),
                        actor,
                        spec.dependsOn(),
                        waitingFor,
                        spec.materials().stream()
                                .map(m -> new CaseOpened.Material(
                                        m.code(), m.documentId(), m.certificateNumber(), m.producedByCase()))
                                .toList()));
        if (c.status == Status.PENDING && !spec.dependsOn().isEmpty()) {
            // every case it needs was approved before (a late case of an application): attach their certificates
            attachCertificates(c);
        }
        return Optional.of(c);
    }

    // ---- queue --------------------------------------------------------------------------------------------------

    @Transactional
    public CaseView claim(String number, Caller caller) {
        var c = access.act(number, caller);
        c.claim(caller.username(), time.now());
        cases.update(c);
        journal.audit(number, "CLAIMED", caller.username(), null, Map.of("assignee", c.assignee));
        return views.of(c);
    }

    @Transactional
    public CaseView assign(String number, String assignee, String reason, Caller caller) {
        var c = access.actAsHead(number, caller);
        String previous = c.assignee;
        c.assign(assignee, time.now());
        cases.update(c);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("assignee", assignee);
        payload.put("previousAssignee", previous);
        journal.audit(number, "ASSIGNED", caller.username(), reason, payload);
        return views.of(c);
    }

    @Transactional
    public CaseView release(String number, String reason, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        String previous = c.assignee;
        c.release();
        cases.update(c);
        journal.audit(number, "RELEASED", caller.username(), reason, Map.of("previousAssignee", previous));
        return views.of(c);
    }

    // ---- review -------------------------------------------------------------------------------------------------

    @Transactional
    public CaseView startReview(String number, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), false);
        c.startReview(caller.username(), time.now());
        cases.update(c);
        journal.record(
                "REVIEW_STARTED",
                caller.username(),
                null,
                CaseEvents.reviewStarted(c, views.clock(c), caller.username()));
        return views.of(c);
    }

    @Transactional
    public CaseView advance(String number, String note, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        String completed = c.advance();
        cases.update(c);
        journal.record(
                "STEP_ADVANCED",
                caller.username(),
                note,
                CaseEvents.stepAdvanced(c, views.clock(c), caller.username(), completed, note));
        return views.of(c);
    }

    /**
     * One supplement request listing everything; a second one only after a department head approved it.
     *
     * @param materials what to supplement
     */
    @Transactional
    public CaseView requestSupplement(
            String number, List<SupplementRequested.RequestedMaterial> materials, String reason, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        LocalDate today = time.today();
        Instant now = time.now();
        int requestNumber = c.requestSupplement(today);
        cases.update(c);
        cases.insertSupplement(
                number,
                requestNumber,
                now,
                caller.username(),
                reason,
                materials,
                requestNumber > 1 ? c.secondSupplementApprover : null,
                requestNumber > 1 ? c.secondSupplementReason : null);
        cases.insertPause(number, "SUPPLEMENT", reason, today, now, null, null);
        journal.record(
                "SUPPLEMENT_REQUESTED",
                caller.username(),
                reason,
                CaseEvents.supplementRequested(c, views.clock(c), caller.username(), requestNumber, materials, reason));
        return views.of(c);
    }

    @Transactional
    public CaseView approveSecondSupplement(String number, String reason, Caller caller) {
        var c = access.actAsHead(number, caller);
        c.approveSecondSupplement(caller.username(), reason, time.now());
        cases.update(c);
        journal.audit(
                number,
                "SECOND_SUPPLEMENT_APPROVED",
                caller.username(),
                reason,
                Map.of("approvedBy", caller.username()));
        return views.of(c);
    }

    @Transactional
    public CaseView suspend(String number, String procedure, int expectedDays, String reason, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        LocalDate today = time.today();
        c.suspend(procedure, today);
        LocalDate expectedEnd = calendar(c).plusWorkingDays(today, expectedDays);
        cases.update(c);
        cases.insertPause(number, procedure, reason, today, time.now(), expectedDays, expectedEnd);
        journal.record(
                "SUSPENDED",
                caller.username(),
                reason,
                CaseEvents.suspended(
                        c, views.clock(c), caller.username(), procedure, expectedDays, expectedEnd, reason));
        return views.of(c);
    }

    /** Ends a suspension, or records that the requested supplement was received; the clock runs again. */
    @Transactional
    public CaseView resume(String number, String note, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        LocalDate today = time.today();
        Instant now = time.now();
        var pause = c.resume(today, calendar(c));
        cases.update(c);
        cases.endPause(number, today, now, pause.workingDays());
        if ("SUPPLEMENT".equals(pause.kind())) {
            cases.supplementReceived(number, now, caller.username());
        }
        journal.record(
                "RESUMED",
                caller.username(),
                note,
                CaseEvents.resumed(c, views.clock(c), caller.username(), pause, note));
        return views.of(c);
    }

    // ---- decisions ----------------------------------------------------------------------------------------------

    @Transactional
    public CaseView approve(
            String number, String reason, String legalBasis, CertificateDetails certificate, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        c.approve(caller.username(), reason, legalBasis, time.now(), time.today(), calendar(c));
        decided(c, reason, certificate);
        return views.of(c);
    }

    @Transactional
    public CaseView reject(String number, String reason, String legalBasis, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        c.reject(caller.username(), reason, legalBasis, time.now(), time.today(), calendar(c));
        decided(c, reason, CertificateDetails.NONE);
        return views.of(c);
    }

    /**
     * A window decision (授权到位): the case is opened (if intake's event has not opened it yet) and decided in one
     * step by an authorized window clerk, its certificate issued at once. The caller has checked the delegation.
     *
     * @param delegationId the delegation the clerk acts under
     * @param delegationNote who granted it, for the audit trail
     */
    @Transactional
    public CaseView decideAtWindow(
            OpenCases command,
            Status outcome,
            String reason,
            String legalBasis,
            CertificateDetails certificate,
            String clerk,
            long delegationId,
            String delegationNote) {
        if (command.cases().size() != 1) {
            throw new IllegalArgumentException("a window decision is about one case");
        }
        var spec = command.cases().getFirst();
        if (!spec.dependsOn().isEmpty()) {
            throw Refusals.unprocessable(
                    "depends-on-other-cases",
                    "Not decidable at the window",
                    "case " + spec.caseNumber() + " depends on other cases");
        }
        openOne(command, spec, Set.of(spec.caseNumber()), clerk);
        var c = cases.lock(spec.caseNumber()).orElseThrow();
        if (!c.departmentCode.equals(spec.departmentCode()) || !c.itemCode.equals(spec.itemCode())) {
            throw Refusals.conflict(
                    "case-mismatch", "Case mismatch", "case " + c.number + " exists for another item or department");
        }
        c.decideAtWindow(outcome, clerk, reason, legalBasis, delegationId, time.now(), time.today(), calendar(c));
        decided(
                c,
                "授权到位 / decided at the window under delegation " + delegationId + " (" + delegationNote + ")",
                certificate);
        return views.of(c);
    }

    /** Issues the certificate of an approval, announces the decision, and lets the waiting cases go on. */
    private void decided(Case c, String auditReason, CertificateDetails details) {
        String actor = c.decision.decidedBy();
        Optional<ItemVersionPublished.Result> result = c.status == Status.APPROVED
                ? catalog.itemVersion(c.itemCode, c.itemVersion)
                        .map(ItemVersionPublished::result)
                        .filter(r -> r.electronic() && r.certificateType() != null)
                : Optional.empty();
        String number = result.map(r -> certificates.allocateNumber(r.certificateType()))
                .orElse(null);
        if (number != null) {
            c.certificateIssued(number);
        }
        cases.update(c);
        journal.record("DECIDED", actor, auditReason, CaseEvents.decided(c, views.clock(c)));
        result.ifPresent(r -> certificates.issue(
                certificateRequest(c, r, details == null ? CertificateDetails.NONE : details), number));
        afterDecision(c);
    }

    private CertificateRequest certificateRequest(
            Case c, ItemVersionPublished.Result result, CertificateDetails details) {
        var a = c.applicant;
        var holder = new Holder(
                a.subject(),
                details.holderName() != null ? details.holderName() : a.name(),
                details.holderIdNumber() != null ? details.holderIdNumber() : a.idNumber());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("holderName", holder.name());
        if (c.itemName != null) {
            content.put("itemName", c.itemName.zh());
        }
        content.put("applicationNumber", c.applicationNumber);
        content.put("caseNumber", c.number);
        content.put("departmentCode", c.departmentCode);
        if (details.content() != null) {
            content.putAll(details.content());
        }
        return new CertificateRequest(
                result.certificateType(),
                result.name(),
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.departmentCode,
                holder,
                content,
                details.validUntil(),
                c.decision.decidedBy());
    }

    /**
     * The cases waiting for {@code decided}: started with its certificate once everything they need is approved, or
     * rejected by the system when it was rejected (and so on down the chain).
     */
    private void afterDecision(Case decided) {
        for (String number : cases.dependentsOf(decided.number)) {
            var d = cases.lock(number).orElseThrow();
            if (d.status != Status.WAITING) {
                continue;
            }
            if (decided.status != Status.APPROVED) {
                d.rejectForPrerequisite(decided.number, time.now(), time.today(), calendar(d));
                cases.update(d);
                journal.record("DECIDED", "system", d.decision.reason(), CaseEvents.decided(d, views.clock(d)));
                afterDecision(d);
                continue;
            }
            var dependencies = cases.dependenciesOf(d.number);
            var statuses = cases.statuses(dependencies);
            if (dependencies.stream().allMatch(n -> statuses.get(n) == Status.APPROVED)) {
                d.start(time.today());
                cases.update(d);
                var attached = attachCertificates(d);
                journal.record("STARTED", "system", null, CaseEvents.started(d, views.clock(d), attached));
            }
        }
    }

    /** Attaches the certificates of the cases {@code c} depends on as the materials they stand for. */
    private List<AttachedCertificate> attachCertificates(Case c) {
        List<AttachedCertificate> attached = new ArrayList<>();
        for (String dependency : cases.dependenciesOf(c.number)) {
            var from = cases.find(dependency).orElse(null);
            if (from == null || from.decision == null || from.decision.certificateNumber() == null) {
                continue;
            }
            String number = from.decision.certificateNumber();
            Certificate certificate = certificates.find(number).orElseThrow();
            List<String> codes = cases.attachCertificate(c.number, dependency, number);
            if (codes.isEmpty()) {
                // the case needed the decision, not a listed material: attach it under the material it satisfies
                String code = materialSatisfiedBy(c, from.itemCode).orElse(certificate.type());
                cases.insertMaterial(c.number, new Cases.MaterialRow(code, null, number, dependency, time.now()));
                codes = List.of(code);
            }
            codes.forEach(code -> attached.add(new AttachedCertificate(code, number, certificate.type(), dependency)));
        }
        return attached;
    }

    private Optional<String> materialSatisfiedBy(Case c, String itemCode) {
        return catalog.itemVersion(c.itemCode, c.itemVersion)
                .flatMap(v -> v.materials().stream()
                        .filter(m -> itemCode.equals(m.satisfiedByCertificateOf()))
                        .map(ItemVersionPublished.Material::code)
                        .findFirst());
    }

    /**
     * Materials handed in at intake after acceptance (a 容缺 pledge fulfilled, or the supplement a reviewer asked
     * for): added to the case; a case waiting for its supplement resumes, the clock runs again.
     */
    @Transactional
    public void materialsSupplied(String number, List<OpenCases.Material> materials) {
        var c = cases.lock(number).orElse(null);
        if (c == null || c.status.isFinal()) {
            log.info("materials supplied for case {} ignored: {}", number, c == null ? "unknown" : c.status);
            return;
        }
        Instant now = time.now();
        for (var m : materials) {
            cases.insertMaterial(
                    number,
                    new Cases.MaterialRow(m.code(), m.documentId(), m.certificateNumber(), m.producedByCase(), now));
        }
        journal.audit(number, "MATERIALS_SUPPLIED", "system", null, Map.of("materials", materials));
        if (c.status == Status.SUPPLEMENT_REQUESTED) {
            LocalDate today = time.today();
            var pause = c.resume(today, calendar(c));
            cases.update(c);
            cases.endPause(number, today, now, pause.workingDays());
            cases.supplementReceived(number, now, "system");
            String note = "补正材料已提交 / supplement received at intake";
            journal.record("RESUMED", "system", note, CaseEvents.resumed(c, views.clock(c), "system", pause, note));
        }
    }

    // ---- withdrawal, deadlines ----------------------------------------------------------------------------------

    /** The applicant withdrew the application at intake: every open case of it is closed. */
    @Transactional
    public List<String> withdrawApplication(String applicationNumber, String reason) {
        List<String> withdrawn = new ArrayList<>();
        for (var listed : cases.ofApplication(applicationNumber)) {
            var c = cases.lock(listed.number).orElseThrow();
            if (c.status.isFinal()) {
                continue;
            }
            Integer pausedDays = c.withdraw(reason, time.now(), time.today(), calendar(c));
            cases.update(c);
            if (pausedDays != null) {
                cases.endPause(c.number, time.today(), time.now(), pausedDays);
            }
            journal.record("WITHDRAWN", "system", reason, CaseEvents.withdrawn(c, views.clock(c), "system"));
            withdrawn.add(c.number);
        }
        return withdrawn;
    }

    /**
     * Raises the warning (80% used) and the overdue event of one case, each once: the flag is set in the same
     * transaction as the event. Returns the events raised.
     */
    @Transactional
    public List<String> checkDeadline(String number) {
        var c = cases.tryLock(number).orElse(null);
        if (c == null || c.status.isFinal() || c.startedOn == null) {
            return List.of();
        }
        var clock = views.clock(c);
        Instant now = time.now();
        List<String> raised = new ArrayList<>();
        if (WorkingDayClock.reached(clock, properties.deadlines().warningPercent()) && c.warn(now)) {
            cases.update(c);
            journal.record("WARNED", "system", null, CaseEvents.warning(c, views.clock(c), now));
            raised.add("WARNING");
        }
        if (WorkingDayClock.past(clock) && c.markOverdue(now)) {
            cases.update(c);
            journal.record("OVERDUE", "system", null, CaseEvents.overdue(c, views.clock(c), now));
            raised.add("OVERDUE");
        }
        return raised;
    }

    List<String> deadlineCandidates() {
        return cases.deadlineCandidates();
    }

    private WorkingDayCalendar calendar(Case c) {
        return catalog.calendar(c.region);
    }
}
