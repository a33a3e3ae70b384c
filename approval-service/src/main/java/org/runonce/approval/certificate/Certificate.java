package org.runonce.approval.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;

/**
 * An issued e-certificate as approval keeps it.
 *
 * @param number unique certificate number
 * @param type certificate type, e.g. BUSINESS_LICENCE
 * @param name the certificate's name, or null
 * @param applicationNumber the application it was issued in
 * @param caseNumber the case whose approval issued it
 * @param itemCode the item
 * @param departmentCode the issuing department
 * @param holder whom it is issued to
 * @param content what it certifies
 * @param issuedAt when
 * @param validUntil last valid day, or null
 * @param keyId the signing key
 * @param jws the signed certificate
 * @param revokedAt when it was revoked, or null
 * @param revokedBy who revoked it, or null
 * @param revocationReason why, or null
 */
public record Certificate(
        String number,
        String type,
        Name name,
        String applicationNumber,
        String caseNumber,
        String itemCode,
        String departmentCode,
        Holder holder,
        Map<String, Object> content,
        Instant issuedAt,
        LocalDate validUntil,
        String keyId,
        String jws,
        Instant revokedAt,
        String revokedBy,
        String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
