package org.runonce.contracts.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.runonce.contracts.catalog.Name;

/**
 * An approval issued an e-certificate. Subject and Kafka key: the case number (so it follows the case's
 * {@link CaseDecided}); {@code department} extension: the issuing department.
 *
 * @param certificateNumber unique certificate number
 * @param certificateType e.g. BUSINESS_LICENCE
 * @param certificateName the certificate's name, or null
 * @param applicationNumber the application
 * @param caseNumber the case whose approval issued it
 * @param itemCode the item
 * @param departmentCode the issuing department
 * @param holder whom it is issued to
 * @param content what it certifies
 * @param issuedAt when
 * @param validUntil last valid day, or null
 * @param keyId {@code kid} of the signing key
 * @param jws the signed certificate (compact JWS whose payload is {@link CertificateClaims})
 */
public record CertificateIssued(
        String certificateNumber,
        String certificateType,
        Name certificateName,
        String applicationNumber,
        String caseNumber,
        String itemCode,
        String departmentCode,
        Holder holder,
        Map<String, Object> content,
        Instant issuedAt,
        LocalDate validUntil,
        String keyId,
        String jws) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.certificate.issued.v1";
}
