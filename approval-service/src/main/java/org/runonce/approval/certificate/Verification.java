package org.runonce.approval.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a certificate presented to the platform is genuine and still valid.
 *
 * @param certificateNumber the number presented or found in the JWS, or null when unreadable
 * @param genuine issued by the platform, signed by one of its keys, content unaltered
 * @param revoked revoked by the issuing department
 * @param expired past its validity
 * @param valid genuine, not revoked, not expired
 * @param reason why it is not valid, or null: UNKNOWN_CERTIFICATE, BAD_SIGNATURE, UNKNOWN_KEY, CONTENT_MISMATCH,
 *     MALFORMED, REVOKED, EXPIRED
 * @param certificateType the type, when genuine
 * @param itemCode the item, when genuine
 * @param departmentCode the issuing department, when genuine
 * @param issuedAt when issued, when genuine
 * @param validUntil last valid day, when genuine
 * @param revokedAt when revoked, or null
 */
public record Verification(
        String certificateNumber,
        boolean genuine,
        boolean revoked,
        boolean expired,
        boolean valid,
        String reason,
        String certificateType,
        String itemCode,
        String departmentCode,
        Instant issuedAt,
        LocalDate validUntil,
        Instant revokedAt) {

    static Verification notGenuine(String number, String reason) {
        return new Verification(number, false, false, false, false, reason, null, null, null, null, null, null);
    }

    static Verification of(Certificate certificate, LocalDate today) {
        boolean expired = certificate.expiredOn(today);
        String reason = certificate.revoked() ? "REVOKED" : expired ? "EXPIRED" : null;
        return new Verification(
                certificate.number(),
                true,
                certificate.revoked(),
                expired,
                reason == null,
                reason,
                certificate.type(),
                certificate.itemCode(),
                certificate.departmentCode(),
                certificate.issuedAt(),
                certificate.validUntil(),
                certificate.revokedAt());
    }
}
