package org.runonce.approval.window;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.approval.audit.AuditEntry;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.audit.ChainVerification;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Window delegations (department heads) and window decisions (authorized window clerks). */
@RestController
@Tag(name = "window", description = "授权到位: window clerks authorized to decide IMMEDIATE items at acceptance")
class WindowController {

    private final Delegations delegations;
    private final DecidingAtWindow deciding;
    private final AuditTrail audit;

    WindowController(Delegations delegations, DecidingAtWindow deciding, AuditTrail audit) {
        this.delegations = delegations;
        this.deciding = deciding;
        this.audit = audit;
    }

    /**
     * @param clerk the window clerk's username
     * @param itemCode an IMMEDIATE item of the department, or null for all of them
     * @param reason why
     * @param validUntil last day, or null
     */
    record Grant(
            @Schema(example = "clerk.wang") @NotBlank String clerk,

            @Schema(example = "samr-individual-business-registration")
            String itemCode,

            @Schema(example = "综合窗口即来即办授权") @NotBlank String reason,
            @Schema(example = "2027-06-30") LocalDate validUntil) {}

    /** @param reason why */
    record Revocation(@Schema(example = "窗口人员调岗") @NotBlank String reason) {}

    @PostMapping("/api/approval/delegations")
    @PreAuthorize("hasRole('department-head')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Authorize a window clerk to decide the department's IMMEDIATE items at acceptance")
    Delegation grant(@Valid @RequestBody Grant grant, Caller caller) {
        return delegations.grant(caller, grant.clerk(), grant.itemCode(), grant.reason(), grant.validUntil());
    }

    @GetMapping("/api/approval/delegations")
    @PreAuthorize("hasAnyRole('department-head', 'supervisor')")
    @Operation(summary = "The department's window delegations (a supervisor names ?department=)")
    List<Delegation> list(Caller caller, @RequestParam(required = false) String department) {
        return delegations.of(scope(caller, department));
    }

    @PostMapping("/api/approval/delegations/{id}/revoke")
    @PreAuthorize("hasRole('department-head')")
    @Operation(summary = "Revoke a window delegation, with a reason")
    Delegation revoke(@PathVariable long id, @Valid @RequestBody Revocation revocation, Caller caller) {
        return delegations.revoke(caller, id, revocation.reason());
    }

    @GetMapping("/api/approval/delegations/audit")
    @PreAuthorize("hasAnyRole('department-head', 'supervisor')")
    @Operation(summary = "The department's delegation trail: grants, revocations, uses")
    List<AuditEntry> trail(Caller caller, @RequestParam(required = false) String department) {
        return audit.entries(Delegations.trail(scope(caller, department)));
    }

    @GetMapping("/api/approval/delegations/audit/verify")
    @PreAuthorize("hasAnyRole('department-head', 'supervisor')")
    @Operation(
            summary = "Verify the department's delegation trail, against the last checkpoint and the one given (as a"
                    + " department system kept it from the audit.checkpoint events)")
    ChainVerification verifyTrail(
            Caller caller,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Integer checkpointEntries,
            @RequestParam(required = false) String checkpointHash) {
        if ((checkpointEntries == null) != (checkpointHash == null)
                || (checkpointEntries != null && checkpointEntries < 1)) {
            throw Refusal.badRequest(
                    "checkpoint-incomplete",
                    "Checkpoint incomplete",
                    "give both checkpointEntries (at least 1) and checkpointHash, or neither");
        }
        return audit.verify(
                Delegations.trail(scope(caller, department)),
                checkpointEntries == null ? null : new AuditTrail.Checkpoint(checkpointEntries, checkpointHash));
    }

    /**
     * A case decided at the window right after acceptance: the case intake's acceptance opened, named by its number;
     * its application, applicant, item, materials and times are the case's (anything else in the body is ignored).
     *
     * @param caseNumber the case ({@code <applicationNumber>-NN}, as intake numbers them)
     * @param outcome APPROVED or REJECTED
     * @param reason reasoning (required for a rejection)
     * @param legalBasis legal basis (required for a rejection)
     * @param certificate the decider's edits of the certificate drafted from the case, or null
     */
    record WindowDecision(
            @Schema(example = "330000-2026-000123-01") @NotBlank @Pattern(regexp = CASE_NUMBER)
            String caseNumber,

            @Schema(example = "APPROVED") @NotBlank @Pattern(regexp = "APPROVED|REJECTED")
            String outcome,

            @Schema(example = "材料齐全，当场办结") @Size(max = 2000) String reason,

            @Schema(example = "《个体工商户条例》第八条") @Size(max = 2000)
            String legalBasis,

            CertificateInput certificate) {}

    /** Intake's case numbers: region, year, sequence, case index. */
    static final String CASE_NUMBER = "\\d{6}-\\d{4}-\\d{6,12}-\\d{2}";

    /**
     * @param holderName null or the case's holder (the holder comes from the case)
     * @param holderIdNumber null or the case's holder's ID number
     * @param content content fields beyond the draft (reserved fields refused)
     * @param validUntil last valid day, or null
     */
    @Schema(name = "WindowCertificateInput")
    record CertificateInput(
            String holderName, String holderIdNumber, Map<String, Object> content, LocalDate validUntil) {}

    @PostMapping("/api/approval/window-decisions")
    @PreAuthorize("hasRole('window-clerk')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Authorized window clerk: decide a just accepted IMMEDIATE case in one step, certificate at once")
    DecidingAtWindow.WindowResult decide(@Valid @RequestBody WindowDecision request, Caller caller) {
        return deciding.decide(request, caller.username());
    }

    private static String scope(Caller caller, String department) {
        if (caller.hasRole("supervisor") && caller.department().isEmpty()) {
            if (department == null) {
                throw Refusal.unprocessable("department-required", "Department required", "name ?department=");
            }
            return department;
        }
        String own = Delegations.departmentOf(caller);
        if (department != null && !department.equals(own)) {
            throw Refusal.forbidden("other-department", "Other department", "you see " + own + " only");
        }
        return own;
    }
}
