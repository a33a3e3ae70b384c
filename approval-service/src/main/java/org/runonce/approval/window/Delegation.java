package org.runonce.approval.window;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A department's authorization of a window clerk.
 *
 * @param id identifier
 * @param departmentCode the department delegating
 * @param clerk the window clerk's username
 * @param itemCode the item, or null for every IMMEDIATE item of the department
 * @param reason why
 * @param grantedBy the department head
 * @param grantedAt when
 * @param validUntil last day it may be used, or null
 * @param revokedBy who revoked it, or null
 * @param revokedAt when, or null
 * @param revocationReason why, or null
 */
record Delegation(
        long id,
        String departmentCode,
        String clerk,
        String itemCode,
        String reason,
        String grantedBy,
        Instant grantedAt,
        LocalDate validUntil,
        String revokedBy,
        Instant revokedAt,
        String revocationReason) {

    boolean activeOn(LocalDate day) {
        return revokedAt == null && (validUntil == null || !validUntil.isBefore(day));
    }

    boolean covers(String item) {
        return itemCode == null || itemCode.equals(item);
    }
}
