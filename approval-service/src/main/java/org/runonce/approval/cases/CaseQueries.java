package org.runonce.approval.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.approval.audit.AuditEntry;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.audit.ChainVerification;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.Certificates;
import org.runonce.approval.shared.Refusals;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What reviewers, heads, department systems and supervisors read; views of documents are audited. */
@Service
public class CaseQueries {

    private final Cases cases;
    private final CaseAccess access;
    private final CaseViews views;
    private final Journal journal;
    private final AuditTrail audit;
    private final Certificates certificates;

    CaseQueries(
            Cases cases,
            CaseAccess access,
            CaseViews views,
            Journal journal,
            AuditTrail audit,
            Certificates certificates) {
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.journal = journal;
        this.audit = audit;
        this.certificates = certificates;
    }

    @Transactional(readOnly = true)
    public CaseView view(String number, Caller caller) {
        return views.of(access.read(number, caller));
    }

    /**
     * The caller's department queue (supervisors: any department or all), most urgent first; or, with
     * {@code openedSince}, the cases that arrived since then, in the order they arrived.
     *
     * @param assignee {@code me}, {@code none}, a username, or null for all
     */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> queue(
            Caller caller,
            String department,
            Status status,
            String assignee,
            boolean openOnly,
            Instant openedSince,
            int page,
            int size) {
        String scope = scope(caller, department);
        String who = assignee == null
                ? null
                : switch (assignee) {
                    case "me" -> caller.username();
                    case "none" -> "";
                    default -> assignee;
                };
        return views.summaries(cases.query(scope, status, who, openOnly, false, openedSince, size, page * size));
    }

    /** Open cases that were warned (80% used) or are overdue, most urgent first. */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> overdue(Caller caller, String department) {
        if (!caller.hasRole(CaseAccess.HEAD) && !caller.hasRole(CaseAccess.SUPERVISOR)) {
            throw Refusals.forbidden(
                    "department-head-only",
                    "Department head only",
                    "the overdue list is for department heads and supervisors");
        }
        return views.summaries(cases.query(scope(caller, department), null, null, true, true, null, 1000, 0));
    }

    private static String scope(Caller caller, String department) {
        if (caller.hasRole(CaseAccess.SUPERVISOR) && caller.department().isEmpty()) {
            return department;
        }
        String own = CaseAccess.departmentOf(caller);
        if (department != null && !department.equals(own)) {
            throw Refusals.forbidden("other-department", "Other department", "you see the queue of " + own + " only");
        }
        return own;
    }

    /** A material's reference (where to fetch the document), recording the view in the case's audit trail. */
    @Transactional
    public CaseView.Material viewMaterial(String number, String code, Caller caller) {
        var c = access.read(number, caller);
        var material = cases.materials(number).stream()
                .filter(m -> m.code().equals(code))
                .reduce((first, second) -> second)
                .orElseThrow(() -> Refusals.notFound("material", code + " of case " + number));
        var payload = new LinkedHashMap<String, Object>();
        payload.put("materialCode", code);
        payload.put("documentId", material.documentId());
        payload.put("certificateNumber", material.certificateNumber());
        journal.audit(c.number, "MATERIAL_VIEWED", caller.username(), null, payload);
        return new CaseView.Material(
                material.code(),
                material.documentId(),
                material.certificateNumber(),
                material.producedByCase(),
                material.attachedAt());
    }

    /**
     * A certificate attached to (or issued by) the case, in full (holder, content, JWS): the next department's
     * reviewer reads it here without the applicant bringing anything. The view is audited.
     */
    @Transactional
    public Certificate viewCertificate(String number, String certificateNumber, Caller caller) {
        var c = access.read(number, caller);
        boolean attached =
                cases.materials(number).stream().anyMatch(m -> certificateNumber.equals(m.certificateNumber()));
        boolean issued = c.decision != null && certificateNumber.equals(c.decision.certificateNumber());
        if (!attached && !issued) {
            throw Refusals.notFound("certificate", certificateNumber + " of case " + number);
        }
        var certificate = certificates
                .find(certificateNumber)
                .orElseThrow(() -> Refusals.notFound("certificate", certificateNumber));
        journal.audit(
                c.number,
                "CERTIFICATE_VIEWED",
                caller.username(),
                null,
                Map.of("certificateNumber", certificateNumber));
        return certificate;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(String number, Caller caller) {
        access.read(number, caller);
        return audit.entries(number);
    }

    @Transactional(readOnly = true)
    public ChainVerification verifyAudit(String number, Caller caller) {
        access.read(number, caller);
        return audit.verify(number);
    }
}
