package org.runonce.approval.window;

import org.runonce.approval.cases.CaseQueries;
import org.runonce.approval.cases.CaseView;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Status;
import org.runonce.approval.cases.WindowVerdict;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.Certificates;
import org.runonce.starter.domain.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The window decision (授权到位) in one transaction, on a case that intake's acceptance opened in approval and that is
 * still PENDING: everything about the application (applicant, item and its version, department, materials, acceptance
 * time) is the case's, never the clerk's. The item must be IMMEDIATE and the clerk hold an active delegation of the
 * case's department for it; the case is decided at once with its certificate, and the delegation's use recorded in the
 * department's trail.
 */
@Service
class DecidingAtWindow {

    private final Delegations delegations;
    private final CaseQueries cases;
    private final Deciding deciding;
    private final CatalogCopy catalog;
    private final Certificates certificates;

    DecidingAtWindow(
            Delegations delegations,
            CaseQueries cases,
            Deciding deciding,
            CatalogCopy catalog,
            Certificates certificates) {
        this.delegations = delegations;
        this.cases = cases;
        this.deciding = deciding;
        this.catalog = catalog;
        this.certificates = certificates;
    }

    /**
     * The decided case and the certificate to hand out.
     *
     * @param decidedCase the case
     * @param certificate the certificate, or null
     */
    record WindowResult(CaseView decidedCase, Certificate certificate) {}

    @Transactional
    WindowResult decide(WindowController.WindowDecision request, String clerk) {
        // only a case intake accepted exists here: an invented or future number is not opened by the clerk
        var accepted = cases.find(request.caseNumber())
                .orElseThrow(() -> Refusal.notFound("case", request.caseNumber())
                        .with("hint", "decided at the window once intake's acceptance has opened the case"));
        var version = catalog.itemVersion(accepted.itemCode(), accepted.itemVersion())
                .orElseThrow(() -> Refusal.unprocessable(
                        "unknown-item-version",
                        "Unknown item version",
                        accepted.itemCode() + " version " + accepted.itemVersion()
                                + " is not in approval's catalog copy"));
        if (!"IMMEDIATE".equals(version.handlingMode())) {
            throw Refusal.unprocessable(
                    "not-immediate",
                    "Not an IMMEDIATE item",
                    accepted.itemCode() + " is handled " + version.handlingMode() + ", not decided at the window");
        }
        var delegation = delegations
                .active(clerk, accepted.departmentCode(), accepted.itemCode())
                .orElseThrow(() -> Refusal.forbidden(
                        "no-window-delegation",
                        "Not authorized at the window",
                        clerk + " holds no delegation of " + accepted.departmentCode() + " for "
                                + accepted.itemCode()));
        var c = request.certificate();
        var view = deciding.atWindow(new WindowVerdict(
                accepted.number(),
                accepted.itemCode(),
                accepted.departmentCode(),
                Status.valueOf(request.outcome()),
                request.reason(),
                request.legalBasis(),
                clerk,
                delegation.id(),
                "granted by " + delegation.grantedBy() + " at " + delegation.grantedAt(),
                c == null
                        ? null
                        : new CertificateDetails(c.holderName(), c.holderIdNumber(), c.content(), c.validUntil())));
        delegations.used(delegation, view.number(), request.outcome());
        var certificate = view.decision() == null || view.decision().certificateNumber() == null
                ? null
                : certificates.find(view.decision().certificateNumber()).orElse(null);
        return new WindowResult(view, certificate);
    }
}
