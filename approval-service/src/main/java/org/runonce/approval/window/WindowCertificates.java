package org.runonce.approval.window;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.cases.CaseQueries;
import org.runonce.approval.certificate.Certificate;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificate a window clerk issued by deciding its case at the window (即来即办), for the clerk to print for the
 * applicant, who may have no account and leaves with the paper. Only the clerk the decision records as its actor, and
 * only the certificate that decision issued (not one attached to the case as a material); each view is audited in the
 * case's trail like a department's ({@code CERTIFICATE_VIEWED}).
 */
@Service
public class WindowCertificates {

    static final String CLERK = "window-clerk";

    private final CaseQueries cases;
    private final AuditTrail audit;

    WindowCertificates(CaseQueries cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * The certificate if the caller is the window clerk who decided its case at the window, the view recorded in the
     * case's audit trail; empty for anyone else (nothing recorded).
     */
    @Transactional
    public Optional<Certificate> decidedBy(Caller caller, Certificate certificate) {
        if (!caller.hasRole(CLERK) || caller.username() == null || certificate.caseNumber() == null) {
            return Optional.empty();
        }
        var decision = cases.find(certificate.caseNumber())
                .map(c -> c.decision())
                .filter(d -> d.atWindow()
                        && d.delegationId() != null
                        && caller.username().equals(d.decidedBy())
                        && certificate.number().equals(d.certificateNumber()));
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("certificateNumber", certificate.number());
        payload.put("atWindow", true);
        payload.put("delegationId", decision.get().delegationId());
        audit.append(certificate.caseNumber(), caller.username(), "CERTIFICATE_VIEWED", null, payload);
        return Optional.of(certificate);
    }
}
