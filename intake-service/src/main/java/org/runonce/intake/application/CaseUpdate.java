package org.runonce.intake.application;

import java.time.Instant;
import org.runonce.contracts.approval.CaseStatus;

/**
 * A case's new status as its department reports it (approval's case events carry all of it).
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param status one of {@link CaseStatus}
 * @param certificateNumber the e-certificate an approval issued, or null
 * @param at when the status changed, or null for "now"
 */
public record CaseUpdate(String caseNumber, String status, String certificateNumber, Instant at) {

    /** {@code 330000-2026-000123-02} -> {@code 330000-2026-000123}. */
    String applicationNumber() {
        int dash = caseNumber.lastIndexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not a case number: " + caseNumber);
        }
        return caseNumber.substring(0, dash);
    }

    /** The update, at {@code now} when it says no time. */
    CaseUpdate timedOr(Instant now) {
        return at == null ? new CaseUpdate(caseNumber, status, certificateNumber, now) : this;
    }
}
