package org.runonce.approval.audit;

import java.time.Instant;

/**
 * One entry of a case's audit trail.
 *
 * @param caseNumber the case
 * @param seq 1, 2, ... within the case
 * @param actor username, or {@code system}
 * @param action what happened, e.g. REVIEW_STARTED, ASSIGNED, MATERIAL_VIEWED
 * @param reason the reason given, or null
 * @param at when
 * @param payload details as JSON text, exactly as hashed
 * @param prevHash hash of the previous entry ({@link AuditTrail#GENESIS} for the first)
 * @param hash SHA-256 over this entry's canonical content and {@code prevHash}
 */
public record AuditEntry(
        String caseNumber,
        int seq,
        String actor,
        String action,
        String reason,
        Instant at,
        String payload,
        String prevHash,
        String hash) {}
