package org.runonce.approval.publication;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * A decision as published (公示): what was decided for whom, the applicant masked.
 *
 * @param caseNumber the case
 * @param applicationNumber the application
 * @param itemCode the item
 * @param itemName its name, or null
 * @param departmentCode the deciding department
 * @param outcome APPROVED or REJECTED
 * @param decidedAt when
 * @param applicant a legal entity's name, or a natural person's name masked (first and last character)
 * @param applicantType NATURAL_PERSON or LEGAL_ENTITY
 * @param certificateNumber the certificate issued (its public status at {@code /api/approval/certificates/{number}}),
 *     or null
 * @param certificateType its type, or null
 */
public record PublishedDecision(
        String caseNumber,
        String applicationNumber,
        String itemCode,
        Name itemName,
        String departmentCode,
        String outcome,
        Instant decidedAt,
        String applicant,
        String applicantType,
        String certificateNumber,
        String certificateType) {

    /**
     * One page of published decisions, most recent first.
     *
     * @param items the decisions on this page
     * @param page from 0
     * @param size entries per page asked for
     * @param total decisions matching in all
     */
    public record Page(List<PublishedDecision> items, int page, int size, long total) {}
}
