package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;

/**
 * A case as reviewers, heads, department systems and supervisors see it.
 *
 * @param number the case
 * @param applicationNumber the application
 * @param bundleCode the bundle, or null
 * @param itemCode the item
 * @param itemVersion the pinned item version
 * @param itemName the item's name, or null
 * @param departmentCode the department
 * @param handlingMode the item version's handling mode
 * @param status the status
 * @param step the current step code
 * @param steps the procedure
 * @param assignee the reviewer it is assigned to, or null
 * @param clock days used, days left, due date
 * @param applicant the applicant
 * @param dependsOn the cases it needs, with their status
 * @param materials the materials, including certificates attached from the cases it depended on
 * @param supplements supplement requests
 * @param pauses suspensions and supplement waits
 * @param decision the decision, or null
 * @param actions what can be done now
 */
public record CaseView(
        String number,
        String applicationNumber,
        String bundleCode,
        String itemCode,
        int itemVersion,
        Name itemName,
        String departmentCode,
        String handlingMode,
        String status,
        String step,
        List<Procedure.Step> steps,
        String assignee,
        CaseClock clock,
        Applicant applicant,
        List<Dependency> dependsOn,
        List<Material> materials,
        List<Supplement> supplements,
        List<Pause> pauses,
        Decision decision,
        List<String> actions) {

    /**
     * A case this one depends on.
     *
     * @param caseNumber the case
     * @param status its status
     */
    public record Dependency(String caseNumber, String status) {}

    /**
     * A material.
     *
     * @param code material code
     * @param documentId intake document, or null
     * @param certificateNumber e-certificate (attached from a decided case, or brought by the applicant), or null
     * @param producedByCase the case whose certificate satisfies it, or null
     * @param attachedAt when it was added
     */
    public record Material(
            String code, String documentId, String certificateNumber, String producedByCase, Instant attachedAt) {}

    /**
     * A supplement request.
     *
     * @param requestNumber 1 or 2
     * @param requestedAt when
     * @param requestedBy who
     * @param reason why
     * @param materials what
     * @param secondApprovedBy head who approved a second request, or null
     * @param secondApprovalReason the head's reason, or null
     * @param flagged counted in supervision statistics
     * @param receivedAt when the supplement came, or null
     */
    public record Supplement(
            int requestNumber,
            Instant requestedAt,
            String requestedBy,
            String reason,
            Object materials,
            String secondApprovedBy,
            String secondApprovalReason,
            boolean flagged,
            Instant receivedAt) {}

    /**
     * A time the clock stood still.
     *
     * @param kind SUPPLEMENT, SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE
     * @param reason why
     * @param startedOn first day
     * @param expectedWorkingDays expected duration, or null
     * @param expectedEnd expected end, or null
     * @param endedOn end, or null while it lasts
     * @param workingDays working days not counted, or null while it lasts
     */
    public record Pause(
            String kind,
            String reason,
            LocalDate startedOn,
            Integer expectedWorkingDays,
            LocalDate expectedEnd,
            LocalDate endedOn,
            Integer workingDays) {}

    /**
     * The decision.
     *
     * @param outcome APPROVED or REJECTED
     * @param reason reasoning
     * @param legalBasis legal basis
     * @param decidedAt when
     * @param decidedBy who
     * @param atWindow decided at the window by an authorized clerk
     * @param delegationId the delegation used at the window, or null
     * @param workingDaysUsed working days used
     * @param onTime within the promised time
     * @param certificateNumber certificate issued, or null
     */
    public record Decision(
            String outcome,
            String reason,
            String legalBasis,
            Instant decidedAt,
            String decidedBy,
            boolean atWindow,
            Long delegationId,
            int workingDaysUsed,
            boolean onTime,
            String certificateNumber) {}

    /**
     * A case in a queue.
     *
     * @param number the case
     * @param applicationNumber the application
     * @param itemCode the item
     * @param itemName its name, or null
     * @param departmentCode the department
     * @param status the status
     * @param step the current step
     * @param assignee the reviewer, or null
     * @param clock days used, days left, due date
     */
    public record Summary(
            String number,
            String applicationNumber,
            String itemCode,
            Name itemName,
            String departmentCode,
            String status,
            String step,
            String assignee,
            Instant openedAt,
            CaseClock clock) {}
}
