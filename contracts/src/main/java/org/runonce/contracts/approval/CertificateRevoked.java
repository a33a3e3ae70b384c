package org.runonce.contracts.approval;

import java.time.Instant;

/**
 * The issuing department revoked an e-certificate: it no longer verifies as valid. Subject and Kafka key: the case
 * number that issued it; {@code department} extension: the issuing department.
 *
 * @param certificateNumber the certificate
 * @param certificateType e.g. BUSINESS_LICENCE
 * @param applicationNumber the application it was issued in
 * @param caseNumber the case that issued it
 * @param itemCode the item
 * @param departmentCode the issuing department
 * @param reason why
 * @param revokedBy who revoked it (username)
 * @param revokedAt when
 */
public record CertificateRevoked(
        String certificateNumber,
        String certificateType,
        String applicationNumber,
        String caseNumber,
        String itemCode,
        String departmentCode,
        String reason,
        String revokedBy,
        Instant revokedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.certificate.revoked.v1";
}
