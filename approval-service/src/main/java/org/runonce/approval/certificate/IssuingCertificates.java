package org.runonce.approval.certificate;

import java.util.Map;
import java.util.Optional;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the e-certificate of an approval: the item version's result (when it is electronic), a number taken before
 * the decision is announced, the claims signed with the platform key, stored, audited and announced
 * ({@code certificate.issued}) in the approving transaction.
 */
@Service
public class IssuingCertificates {

    private final AuditTrail audit;
    private final Events events;
    private final CatalogCopy catalog;
    private final Certificates certificates;

    IssuingCertificates(AuditTrail audit, Events events, CatalogCopy catalog, Certificates certificates) {
        this.audit = audit;
        this.events = events;
        this.catalog = catalog;
        this.certificates = certificates;
    }

    /** The certificate an approval of this item version issues electronically, or empty when it issues none. */
    public Optional<ItemVersionPublished.Result> resultOf(String itemCode, int itemVersion) {
        return catalog.itemVersion(itemCode, itemVersion)
                .map(ItemVersionPublished::result)
                .filter(r -> r.electronic() && r.certificateType() != null);
    }

    /**
     * Issues and signs certificate {@code number} (from {@link #allocateNumber}) in the approving transaction: stored, recorded in the case's audit trail and
     * announced ({@code certificate.issued}) together with the decision, or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Certificate issue(CertificateRequest request, String number) {
        var certificate = certificates.store(request, number);
        audit.append(
                request.caseNumber(),
                request.actor(),
                "CERTIFICATE_ISSUED",
                null,
                Map.of("certificateNumber", number, "certificateType", request.type(), "keyId", certificate.keyId()));
        events.publish(
                CertificateIssued.TYPE,
                request.caseNumber(),
                request.departmentCode(),
                new CertificateIssued(
                        number,
                        request.type(),
                        request.name(),
                        request.applicationNumber(),
                        request.caseNumber(),
                        request.itemCode(),
                        request.departmentCode(),
                        request.holder(),
                        request.content(),
                        certificate.issuedAt(),
                        request.validUntil(),
                        certificate.keyId(),
                        certificate.jws()));
        return certificate;
    }

    /**
     * A new certificate number, {@code <type>-<year>-<sequence>}: taken before issuing so the decision can name its
     * certificate in the event that precedes {@code certificate.issued}.
     */
    public String allocateNumber(String type) {
        return certificates.nextNumber(type);
    }
}
