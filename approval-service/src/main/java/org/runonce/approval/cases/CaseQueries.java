package org.runonce.approval.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.approval.audit.AuditEntry;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.audit.ChainVerification;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.intake.Applicant;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What reviewers, heads, department systems and supervisors read; views of documents are audited. */
@Service
public class CaseQueries {

    private final CaseAccess access;
    private final CaseViews views;
    private final CaseQueue queue;
    private final Journal journal;
    private final AuditTrail audit;
    private final Certificates certificates;
    private final Cases cases;

    CaseQueries(
            CaseAccess access,
            CaseViews views,
            CaseQueue queue,
            Journal journal,
            AuditTrail audit,
            Certificates certificates,
            Cases cases) {
        this.access = access;
        this.views = views;
        this.queue = queue;
        this.journal = journal;
        this.audit = audit;
        this.certificates = certificates;
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public CaseView view(String number, Caller caller) {
        return views.of(access.read(number, caller));
    }

    /**
     * The caller's department queue (supervisors: any department or all), most urgent first; or, with
     * {@code openedSince}, the cases that arrived since then, in the order they arrived.
     *
     * @param filter as asked; its assignee is {@code me}, {@code none}, a username, or null for all
     */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> queue(Caller caller, QueueFilter filter, QueueFilter.Page page) {
        String assignee = filter.assignee();
        String who = assignee == null
                ? null
                : switch (assignee) {
                    case "me" -> caller.username();
                    case "none" -> "";
                    default -> assignee;
                };
        return queue.query(filter.inScope(scope(caller, filter.department()), who), page);
    }

    /** Open cases that were warned (80% used) or are overdue, most urgent first. */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> overdue(Caller caller, String department) {
        if (!caller.hasRole(CaseAccess.HEAD) && !caller.hasRole(CaseAccess.SUPERVISOR)) {
            throw Refusal.forbidden(
                    "department-head-only",
                    "Department head only",
                    "the overdue list is for department heads and supervisors");
        }
        return queue.query(QueueFilter.flaggedOf(scope(caller, department)), QueueFilter.Page.FIRST_THOUSAND);
    }

    private static String scope(Caller caller, String department) {
        if (caller.hasRole(CaseAccess.SUPERVISOR) && caller.department().isEmpty()) {
            return department;
        }
        String own = CaseAccess.departmentOf(caller);
        if (department != null && !department.equals(own)) {
            throw Refusal.forbidden("other-department", "Other department", "you see the queue of " + own + " only");
        }
        return own;
    }

    /** A material's reference (where to fetch the document), recording the view in the case's audit trail. */
    @Transactional
    public CaseView.Material viewMaterial(String number, String code, Caller caller) {
        var c = access.read(number, caller);
        var material = c.parts()
                .materials()
                .latest(code)
                .orElseThrow(() -> Refusal.notFound("material", code + " of case " + number));
        var payload = new LinkedHashMap<String, Object>();
        payload.put("materialCode", code);
        payload.put("documentId", material.reference().documentId());
        payload.put("certificateNumber", material.reference().certificateNumber());
        journal.audit(c.number(), "MATERIAL_VIEWED", caller.username(), null, payload);
        return CaseViews.material(material);
    }

    /**
     * A certificate attached to (or issued by) the case, in full (holder, content, JWS): the next department's
     * reviewer reads it here without the applicant bringing anything. The view is audited.
     */
    @Transactional
    public Certificate viewCertificate(String number, String certificateNumber, Caller caller) {
        var c = access.read(number, caller);
        boolean attached = c.parts().materials().hasCertificate(certificateNumber);
        boolean issued =
                c.decision() != null && certificateNumber.equals(c.decision().certificateNumber());
        if (!attached && !issued) {
            throw Refusal.notFound("certificate", certificateNumber + " of case " + number);
        }
        var certificate = certificates
                .find(certificateNumber)
                .orElseThrow(() -> Refusal.notFound("certificate", certificateNumber));
        journal.audit(
                c.number(),
                "CERTIFICATE_VIEWED",
                caller.username(),
                null,
                Map.of("certificateNumber", certificateNumber));
        return certificate;
    }

    /**
     * The applicant of a case, for approval's own features (results publication masks it before anything is shown):
     * no caller, no access check.
     */
    @Transactional(readOnly = true)
    public Optional<Applicant> applicantOf(String number) {
        return cases.find(number).map(c -> c.subject().applicant());
    }

    /**
     * A case as approval's own features see it (the window decision checks a clerk's delegation against the case
     * intake's acceptance opened): no caller, no access check.
     */
    @Transactional(readOnly = true)
    public Optional<CaseView> find(String number) {
        return cases.find(number).map(views::of);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(String number, Caller caller) {
        access.read(number, caller);
        return audit.entries(number);
    }

    @Transactional(readOnly = true)
    public ChainVerification verifyAudit(String number, AuditTrail.Checkpoint checkpoint, Caller caller) {
        access.read(number, caller);
        return audit.verify(number, checkpoint);
    }
}
