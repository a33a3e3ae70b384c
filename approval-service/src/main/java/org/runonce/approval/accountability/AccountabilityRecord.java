package org.runonce.approval.accountability;

import java.time.Instant;
import org.runonce.starter.domain.Refusal;

/**
 * An accountability record (问责记录): the facts, the owner (the heads of the department) and, once given, the
 * resolution.
 *
 * @param id its number
 * @param rule why it was opened
 * @param subject the case number (case rules) or application number (application rules)
 * @param applicationNumber the application
 * @param caseNumber the case, or null for an application rule
 * @param departmentCode the department accountable
 * @param facts what happened, in words
 * @param occurredAt when it happened
 * @param openedAt when the record was opened
 * @param ownerRole the role that owns it in its department: {@code department-head}
 * @param state {@code OPEN} or {@code RESOLVED}
 * @param explanation the head's explanation, or null while open
 * @param resolvedBy the head who resolved it, or null
 * @param resolvedAt when, or null
 */
record AccountabilityRecord(
        long id,
        Rule rule,
        String subject,
        String applicationNumber,
        String caseNumber,
        String departmentCode,
        String facts,
        Instant occurredAt,
        Instant openedAt,
        String ownerRole,
        String state,
        String explanation,
        String resolvedBy,
        Instant resolvedAt) {

    static final String OPEN = "OPEN";
    static final String RESOLVED = "RESOLVED";
    static final String OWNER = "department-head";

    /** The record resolved by {@code head} with {@code explanation}; refused when it is resolved already. */
    AccountabilityRecord resolve(String explanation, String head, Instant at) {
        if (RESOLVED.equals(state)) {
            throw Refusal.conflict(
                            "accountability-record-resolved",
                            "Already resolved",
                            "accountability record " + id + " was resolved by " + resolvedBy)
                    .with("resolvedAt", resolvedAt);
        }
        if (explanation == null || explanation.isBlank()) {
            throw Refusal.invalid("an explanation is required");
        }
        return new AccountabilityRecord(
                id,
                rule,
                subject,
                applicationNumber,
                caseNumber,
                departmentCode,
                facts,
                occurredAt,
                openedAt,
                ownerRole,
                RESOLVED,
                explanation.strip(),
                head,
                at);
    }

    /**
     * A record to open.
     *
     * @param rule why
     * @param subject the case or application number it is about
     * @param applicationNumber the application
     * @param caseNumber the case, or null
     * @param departmentCode the department accountable
     * @param facts what happened
     * @param occurredAt when
     */
    record Opening(
            Rule rule,
            String subject,
            String applicationNumber,
            String caseNumber,
            String departmentCode,
            String facts,
            Instant occurredAt) {}
}
