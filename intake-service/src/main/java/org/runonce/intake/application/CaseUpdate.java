package org.runonce.intake.application;

import java.time.Instant;
import org.runonce.contracts.approval.CaseStatus;

/**
 * A case moved on, as its department reports it (approval's case events carry all of it).
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param status one of {@link CaseStatus}
 * @param certificateNumber the e-certificate an approval issued, or null
 * @param at when the status changed, or null for "now"
 * @param progress step, holder and clock after the event, or null when the event says nothing of them
 * @param suspended the special procedure that started, or null
 * @param resumed the pause that ended, or null
 * @param request the supplement the department asked for, or null
 */
public record CaseUpdate(
        String caseNumber,
        String status,
        String certificateNumber,
        Instant at,
        CaseTrack.Progress progress,
        CaseTrack.Suspension suspended,
        Resumed resumed,
        CaseTrack.DepartmentRequest request) {

    /** A status change and nothing else. */
    public CaseUpdate(String caseNumber, String status, String certificateNumber, Instant at) {
        this(caseNumber, status, certificateNumber, at, null, null, null, null);
    }

    /**
     * @param pause SUPPLEMENT or the special procedure's code
     * @param pausedWorkingDays working days the clock stood still
     */
    public record Resumed(String pause, int pausedWorkingDays) {}

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
        return at == null
                ? new CaseUpdate(caseNumber, status, certificateNumber, now, progress, suspended, resumed, request)
                : this;
    }
}
