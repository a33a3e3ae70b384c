package org.runonce.approval.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
        audit.append(request.caseNumber(), request.actor(), "CERTIFICATE_ISSUED", null, issued(certificate));
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
     * What the trail keeps of an issuance: number, type, key, the holder (the ID number masked, as the trail is read by
     * the department's reviewers) and SHA-256 of the signed content and of the JWS, which bind the entry to exactly
     * what was signed, the full holder included.
     */
    static Map<String, Object> issued(Certificate certificate) {
        var holder = new LinkedHashMap<String, Object>();
        holder.put("subject", certificate.holder().subject());
        holder.put("name", certificate.holder().name());
        holder.put("idNumber", masked(certificate.holder().idNumber()));
        var payload = new LinkedHashMap<String, Object>();
        payload.put("certificateNumber", certificate.number());
        payload.put("certificateType", certificate.type());
        payload.put("keyId", certificate.keyId());
        payload.put("holder", holder);
        payload.put("jwsSha256", sha256(certificate.jws()));
        return payload;
    }

    /** {@code 330102********1234}: the region and the last four, as on a receipt. */
    static String masked(String idNumber) {
        if (idNumber == null || idNumber.length() < 11) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6)
                + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * A new certificate number, {@code <type>-<year>-<sequence>}: taken before issuing so the decision can name its
     * certificate in the event that precedes {@code certificate.issued}.
     */
    public String allocateNumber(String type) {
        return certificates.nextNumber(type);
    }
}
