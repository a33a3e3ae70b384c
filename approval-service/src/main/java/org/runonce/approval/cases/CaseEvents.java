package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
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

/** Maps a case, after a change, to the event announcing it. */
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

    static CaseOpened opened(
            Case c,
            CaseClock clock,
            String actor,
            List<String> dependsOn,
            List<String> waitingFor,
            List<CaseOpened.Material> materials) {
        return new CaseOpened(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                c.itemName,
                c.bundleCode,
                c.handlingMode,
                dependsOn,
                waitingFor,
                materials,
                c.acceptedAt);
    }

    static CaseStarted started(Case c, CaseClock clock, List<AttachedCertificate> attached) {
        return new CaseStarted(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                "system",
                clock,
                attached);
    }

    static ReviewStarted reviewStarted(Case c, CaseClock clock, String actor) {
        return new ReviewStarted(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock);
    }

    static StepAdvanced stepAdvanced(Case c, CaseClock clock, String actor, String completed, String note) {
        return new StepAdvanced(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                completed,
                note);
    }

    static SupplementRequested supplementRequested(
            Case c,
            CaseClock clock,
            String actor,
            int requestNumber,
            List<SupplementRequested.RequestedMaterial> materials,
            String reason) {
        boolean second = requestNumber > 1;
        return new SupplementRequested(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                requestNumber,
                materials,
                reason,
                second ? c.secondSupplementApprover : null,
                second ? c.secondSupplementReason : null,
                second);
    }

    static CaseSuspended suspended(
            Case c, CaseClock clock, String actor, String procedure, int days, LocalDate expectedEnd, String reason) {
        return new CaseSuspended(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                procedure,
                days,
                expectedEnd,
                reason);
    }

    static CaseResumed resumed(Case c, CaseClock clock, String actor, Case.Pause pause, String note) {
        return new CaseResumed(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                pause.kind(),
                pause.workingDays(),
                note);
    }

    static CaseDecided decided(Case c, CaseClock clock) {
        var d = c.decision;
        return new CaseDecided(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                d.decidedBy(),
                clock,
                d.outcome().name(),
                d.reason(),
                d.legalBasis(),
                d.decidedAt(),
                d.atWindow(),
                d.onTime(),
                d.certificateNumber());
    }

    static CaseWithdrawn withdrawn(Case c, CaseClock clock, String actor) {
        return new CaseWithdrawn(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                actor,
                clock,
                c.withdrawalReason,
                c.withdrawnAt);
    }

    static CaseWarning warning(Case c, CaseClock clock, Instant now) {
        return new CaseWarning(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                "system",
                clock,
                now,
                ESCALATED_TO);
    }

    static CaseOverdue overdue(Case c, CaseClock clock, Instant now) {
        return new CaseOverdue(
                c.applicationNumber,
                c.number,
                c.itemCode,
                c.itemVersion,
                c.departmentCode,
                c.status.name(),
                c.step(),
                c.assignee,
                "system",
                clock,
                now,
                ESCALATED_TO);
    }
}
