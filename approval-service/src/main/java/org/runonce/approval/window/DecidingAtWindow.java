package org.runonce.approval.window;

import java.util.List;
import org.runonce.approval.cases.CaseView;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.OpenCases;
import org.runonce.approval.cases.OpeningCases;
import org.runonce.approval.cases.Status;
import org.runonce.approval.cases.WindowVerdict;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificate;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The window decision (授权到位) in one transaction: the item must be IMMEDIATE and the clerk hold an active
 * delegation for it; the case is opened (if intake's event has not opened it yet), decided at once with its
 * certificate, and the delegation's use recorded in the department's trail.
 */
@Service
class DecidingAtWindow {

    private final Delegations delegations;
    private final OpeningCases opening;
    private final Deciding deciding;
    private final CatalogCopy catalog;
    private final Certificates certificates;
    private final Time time;

    DecidingAtWindow(
            Delegations delegations,
            OpeningCases opening,
            Deciding deciding,
            CatalogCopy catalog,
            Certificates certificates,
            Time time) {
        this.delegations = delegations;
        this.opening = opening;
        this.deciding = deciding;
        this.catalog = catalog;
        this.certificates = certificates;
        this.time = time;
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
        var version = catalog.itemVersion(request.itemCode(), request.itemVersion())
                .orElseThrow(() -> Refusal.unprocessable(
                        "unknown-item-version",
                        "Unknown item version",
                        request.itemCode() + " version " + request.itemVersion()
                                + " is not in approval's catalog copy"));
        if (!"IMMEDIATE".equals(version.handlingMode())) {
            throw Refusal.unprocessable(
                    "not-immediate",
                    "Not an IMMEDIATE item",
                    request.itemCode() + " is handled " + version.handlingMode() + ", not decided at the window");
        }
        var delegation = delegations
                .active(clerk, version.departmentCode(), request.itemCode())
                .orElseThrow(() -> Refusal.forbidden(
                        "no-window-delegation",
                        "Not authorized at the window",
                        clerk + " holds no delegation of " + version.departmentCode() + " for " + request.itemCode()));
        var a = request.applicant();
        var spec = new ApplicationAccepted.Case(
                request.caseNumber(),
                request.itemCode(),
                request.itemVersion(),
                version.departmentCode(),
                List.of(),
                version.timeLimits().promisedWorkingDays(),
                request.materials() == null
                        ? List.of()
                        : request.materials().stream()
                                .map(m -> new MaterialReference(m.code(), m.documentId(), m.certificateNumber(), null))
                                .toList());
        var command = new OpenCases(
                request.applicationNumber(),
                null,
                new Applicant(a.subject(), a.name(), a.type(), a.idNumber(), a.locale(), a.email(), a.phone()),
                request.region(),
                request.acceptedAt() == null ? time.now() : request.acceptedAt(),
                List.of(spec));
        opening.open(command, spec, clerk);
        var c = request.certificate();
        var view = deciding.atWindow(new WindowVerdict(
                request.caseNumber(),
                request.itemCode(),
                version.departmentCode(),
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
