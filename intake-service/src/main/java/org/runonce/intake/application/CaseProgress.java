package org.runonce.intake.application;

import java.time.Instant;

/**
 * A case's new status as its department reports it (approval's case events carry all of it).
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param status WAITING, PENDING, IN_REVIEW, SUPPLEMENT_REQUESTED, SUSPENDED, APPROVED, REJECTED or WITHDRAWN
 * @param certificateNumber the e-certificate an approval issued, or null
 * @param at when the status changed
 */
public record CaseProgress(String caseNumber, String status, String certificateNumber, Instant at) {}
