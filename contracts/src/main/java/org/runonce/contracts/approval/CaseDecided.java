package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A case was decided. An approval of an item with an electronic result is followed by {@link CertificateIssued}
 * (same transaction); its number is already here.
 *
 * @param header the case after the event (status: {@code APPROVED} or {@code REJECTED}; step: the decision step; assignee: the reviewer, or null; actor: who decided (a reviewer, a department head, or an authorized window clerk); clock: the time limit, stopped for good)
 * @param outcome {@code APPROVED} or {@code REJECTED}
 * @param reason the reasoning (required for a rejection)
 * @param legalBasis the legal basis of the decision (required for a rejection)
 * @param decidedAt when
 * @param atWindow whether an authorized window clerk decided on the spot at acceptance (授权到位)
 * @param onTime whether decided within the promised time limit
 * @param certificateNumber the e-certificate issued, or null
 */
public record CaseDecided(
        @JsonUnwrapped CaseHeader header,
        String outcome,
        String reason,
        String legalBasis,
        Instant decidedAt,
        boolean atWindow,
        boolean onTime,
        String certificateNumber)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.decided.v1";

    /** Value of {@link #outcome()}. */
    public static final String APPROVED = "APPROVED";

    /** Value of {@link #outcome()}. */
    public static final String REJECTED = "REJECTED";
}
