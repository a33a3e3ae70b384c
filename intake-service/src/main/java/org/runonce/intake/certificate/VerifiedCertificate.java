package org.runonce.intake.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The claims of an e-certificate whose signature verified.
 *
 * @param certificateNumber e.g. {@code BUSINESS_LICENCE-2026-000042}
 * @param certificateType e.g. {@code BUSINESS_LICENCE}
 * @param itemCode the item whose decision issued it
 * @param holderSubject the holder's identity subject, or null
 * @param holderName the holder's name
 * @param holderIdNumber the holder's identity number, or null
 * @param issuedAt when it was issued
 * @param validUntil its last valid day, or null when it does not expire
 */
public record VerifiedCertificate(
        String certificateNumber,
        String certificateType,
        String itemCode,
        String holderSubject,
        String holderName,
        String holderIdNumber,
        Instant issuedAt,
        LocalDate validUntil) {}
