package org.runonce.approval.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commitment approval (告知承诺制): the commitment a case was accepted on, and the post-approval checks (事后核查) the
 * department's reviewers record; supervisors see every department's, with the overdue ones.
 */
@RestController
@Validated
@Tag(name = "commitment", description = "告知承诺制: cases decided on the applicant's commitment, post-approval checks")
class PostApprovalCheckController {

    static final String CHECKS = "/api/approval/post-approval-checks";

    private final CommitmentApproval approval;

    PostApprovalCheckController(CommitmentApproval approval) {
        this.approval = approval;
    }

    /**
     * The result of a post-approval check.
     *
     * @param outcome PASSED, or FAILED: the commitment was untrue; the certificate is revoked
     * @param findings what the check found; required when FAILED
     */
    @Schema(name = "PostApprovalCheckResultRequest", example = """
                    {"outcome": "FAILED", "findings": "现场核查：经营场所未设置更衣室和清洗消毒设施，与承诺不符。\
                     On site: no changing room nor cleaning and disinfection facilities, contrary to the commitment."}""")
    record ResultRequest(
            @Schema(example = "FAILED", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull
            @Pattern(regexp = "PASSED|FAILED")
            String outcome,

            @Schema(example = "现场核查：经营场所未设置更衣室和清洗消毒设施，与承诺不符。") @Size(max = 4000)
            String findings) {}

    @GetMapping(path = CHECKS, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('supervisor', 'department-head', 'reviewer', 'department-system')")
    @Operation(
            summary = "Post-approval checks (事后核查), soonest due first",
            description = "Supervisors: every department's (or `department`'s); the department's reviewers, heads and"
                    + " system: their own only (naming another lists nothing). `status` SCHEDULED, PASSED or FAILED;"
                    + " `overdue=true`: unrecorded and past their due day (electronic supervision).")
    List<PostApprovalCheck> list(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$") String department,
            @RequestParam(required = false) @Pattern(regexp = "^(SCHEDULED|PASSED|FAILED)$") String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return approval.list(caller, department, status, overdue, limit);
    }

    @GetMapping(path = CHECKS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('supervisor', 'department-head', 'reviewer', 'department-system')")
    @Operation(
            summary = "One post-approval check",
            description = "For its department's staff and supervisors; anyone else 404.")
    PostApprovalCheck one(Caller caller, @PathVariable UUID id) {
        return approval.find(id, caller);
    }

    @PostMapping(
            path = CHECKS + "/{id}/result",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('department-head', 'reviewer', 'department-system')")
    @Operation(
            summary = "Record a post-approval check's result",
            description = "By the department's reviewers, heads or system, once (409 check-recorded). PASSED closes"
                    + " it; FAILED needs findings (400 otherwise), revokes the case's certificate (certificate.revoked,"
                    + " verification then says revoked) and raises post-approval-check.failed for accountability."
                    + " Another department's check: 404.")
    PostApprovalCheck record(Caller caller, @PathVariable UUID id, @Valid @RequestBody ResultRequest request) {
        return approval.record(id, request.outcome(), request.findings(), caller);
    }

    @GetMapping(path = "/api/approval/cases/{caseNumber}/commitment", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('supervisor', 'department-head', 'reviewer', 'department-system')")
    @Operation(
            summary = "The commitment a case was accepted on (告知承诺制)",
            description = "The materials it replaced (the case is decided without them), the statement the applicant"
                    + " signed and when, and the post-approval check once the case was approved. 404 for a case not"
                    + " accepted on commitment, or of another department.")
    CommitmentView commitment(Caller caller, @PathVariable String caseNumber) {
        return approval.commitmentOf(caseNumber, caller);
    }
}
