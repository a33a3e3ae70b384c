package org.runonce.approval.cases;

import java.time.Instant;
import org.runonce.contracts.approval.CaseClock;

/**
 * The decision.
 *
 * @param outcome APPROVED or REJECTED
 * @param reason reasoning (required for a rejection)
 * @param legalBasis legal basis (required for a rejection)
 * @param decidedAt when
 * @param decidedBy who
 * @param atWindow decided by an authorized window clerk at acceptance
 * @param delegationId the window delegation used, or null
 * @param daysUsed working days used
 * @param onTime within the promised time
 * @param certificateNumber the certificate issued, or null
 */
record Decision(
        Status outcome,
        String reason,
        String legalBasis,
        Instant decidedAt,
        String decidedBy,
        boolean atWindow,
        Long delegationId,
        int daysUsed,
        boolean onTime,
        String certificateNumber) {

    /** A decision taken now, its working days counted on {@code clock}. */
    static Decision of(Status outcome, Verdict v, Long delegationId, java.time.Instant now, CaseClock clock) {
        return new Decision(
                outcome,
                blankToNull(v.reason()),
                blankToNull(v.legalBasis()),
                now,
                v.actor(),
                delegationId != null,
                delegationId,
                clock.workingDaysUsed(),
                clock.workingDaysUsed() <= clock.promisedWorkingDays(),
                null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Decision withCertificate(String number) {
        return new Decision(
                outcome, reason, legalBasis, decidedAt, decidedBy, atWindow, delegationId, daysUsed, onTime, number);
    }
}
