package org.runonce.approval.cases;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseEvent;
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
 * The case's changes as the contract's events. Every event opens with the same header, built once by the case
 * ({@link Header}); the contract's records take it positionally, so each factory spreads it.
 */
final class CaseEvents {

    static final List<String> ESCALATED_TO = List.of("department-head", "supervisor");

    private CaseEvents() {}

    /**
     * What every case event says about the case after the change.
     *
     * @param applicationNumber the application
     * @param caseNumber the case
     * @param itemCode the item
     * @param itemVersion the pinned version
     * @param departmentCode the department
     * @param status the status after the change
     * @param step the step after the change
     * @param assignee the reviewer, or null
     * @param actor who caused it
     * @param clock the clock after the change
     */
    record Header(
            String applicationNumber,
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            String status,
            String step,
            String assignee,
            String actor,
            CaseClock clock) {}

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

    static CaseOpened opened(Header h, Opening o) {
        var s = o.subject();
        return new CaseOpened(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
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

    static CaseStarted started(Header h, List<AttachedCertificate> attached) {
        return new CaseStarted(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                attached);
    }

    static ReviewStarted reviewStarted(Header h) {
        return new ReviewStarted(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock());
    }

    static StepAdvanced stepAdvanced(Header h, String completed, String note) {
        return new StepAdvanced(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                completed,
                note);
    }

    static SupplementRequested supplementRequested(
            Header h, Supplements.Supplement s, List<SupplementRequested.RequestedMaterial> materials) {
        boolean second = s.flagged();
        return new SupplementRequested(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                s.requestNumber(),
                materials,
                s.reason(),
                s.secondApprovedBy(),
                s.secondApproval(),
                second);
    }

    static CaseSuspended suspended(Header h, Stopwatch.Pause p) {
        return new CaseSuspended(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                p.kind(),
                p.expectedDays(),
                p.expectedEnd(),
                p.reason());
    }

    static CaseResumed resumed(Header h, Stopwatch.Ended pause, String note) {
        return new CaseResumed(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                pause.kind(),
                pause.workingDays(),
                note);
    }

    static CaseDecided decided(Header h, Decision d) {
        return new CaseDecided(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                d.outcome().name(),
                d.reason(),
                d.legalBasis(),
                d.decidedAt(),
                d.atWindow(),
                d.onTime(),
                d.certificateNumber());
    }

    static CaseWithdrawn withdrawn(Header h, String reason, Instant at) {
        return new CaseWithdrawn(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                reason,
                at);
    }

    static CaseWarning warning(Header h, Instant at) {
        return new CaseWarning(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                at,
                ESCALATED_TO);
    }

    static CaseOverdue overdue(Header h, Instant at) {
        return new CaseOverdue(
                h.applicationNumber(),
                h.caseNumber(),
                h.itemCode(),
                h.itemVersion(),
                h.departmentCode(),
                h.status(),
                h.step(),
                h.assignee(),
                h.actor(),
                h.clock(),
                at,
                ESCALATED_TO);
    }
}
