package org.runonce.approval.cases;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseResumed;
import org.runonce.contracts.approval.CaseStarted;
import org.runonce.contracts.approval.CaseSuspended;
import org.runonce.contracts.approval.CaseWarning;
import org.runonce.contracts.approval.CaseWithdrawn;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.contracts.approval.StepAdvanced;
import org.runonce.contracts.approval.SupplementRequested;

/**
 * The case's changes as the contract's events. Every event carries the same {@link CaseHeader}, built once by the
 * case; each factory adds what its event says beyond it.
 */
final class CaseEvents {

    static final List<String> ESCALATED_TO = List.of("department-head", "supervisor");

    private CaseEvents() {}

    static String type(CaseEvent event) {
        return switch (event) {
            case CaseOpened e -> CaseOpened.TYPE;
            case CaseStarted e -> CaseStarted.TYPE;
            case ReviewStarted e -> ReviewStarted.TYPE;
            case StepAdvanced e -> StepAdvanced.TYPE;
            case SupplementRequested e -> SupplementRequested.TYPE;
            case CaseSuspended e -> CaseSuspended.TYPE;
            case CaseResumed e -> CaseResumed.TYPE;
            case CaseDecided e -> CaseDecided.TYPE;
            case CaseWithdrawn e -> CaseWithdrawn.TYPE;
            case CaseWarning e -> CaseWarning.TYPE;
            case CaseOverdue e -> CaseOverdue.TYPE;
        };
    }

    static CaseOpened opened(CaseHeader h, Opening o) {
        var s = o.subject();
        return new CaseOpened(
                h,
                s.itemName(),
                s.bundleCode(),
                s.handlingMode(),
                o.prerequisites().dependsOn(),
                o.waitingFor(),
                o.materials().stream()
                        .map(r -> new CaseOpened.Material(
                                r.code(), r.documentId(), r.certificateNumber(), r.producedByCase()))
                        .toList(),
                s.acceptedAt());
    }

    static CaseStarted started(CaseHeader h, List<AttachedCertificate> attached) {
        return new CaseStarted(h, attached);
    }

    static ReviewStarted reviewStarted(CaseHeader h) {
        return new ReviewStarted(h);
    }

    static StepAdvanced stepAdvanced(CaseHeader h, String completed, String note) {
        return new StepAdvanced(h, completed, note);
    }

    static SupplementRequested supplementRequested(
            CaseHeader h, Supplements.Supplement s, List<SupplementRequested.RequestedMaterial> materials) {
        boolean second = s.flagged();
        return new SupplementRequested(
                h, s.requestNumber(), materials, s.reason(), s.secondApprovedBy(), s.secondApproval(), second);
    }

    static CaseSuspended suspended(CaseHeader h, Stopwatch.Pause p) {
        return new CaseSuspended(h, p.kind(), p.expectedDays(), p.expectedEnd(), p.reason());
    }

    static CaseResumed resumed(CaseHeader h, Stopwatch.Ended pause, String note) {
        return new CaseResumed(h, pause.kind(), pause.workingDays(), note);
    }

    static CaseDecided decided(CaseHeader h, Decision d) {
        return new CaseDecided(
                h,
                d.outcome().name(),
                d.reason(),
                d.legalBasis(),
                d.decidedAt(),
                d.atWindow(),
                d.onTime(),
                d.certificateNumber());
    }

    static CaseWithdrawn withdrawn(CaseHeader h, String reason, Instant at) {
        return new CaseWithdrawn(h, reason, at);
    }

    static CaseWarning warning(CaseHeader h, Instant at) {
        return new CaseWarning(h, at, ESCALATED_TO);
    }

    static CaseOverdue overdue(CaseHeader h, Instant at) {
        return new CaseOverdue(h, at, ESCALATED_TO);
    }
}
