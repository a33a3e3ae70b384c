package org.runonce.approval.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.approval.audit.AuditEntry;
import org.runonce.approval.audit.AuditTrail;
import org.runonce.approval.audit.ChainVerification;
import org.runonce.approval.certificate.Certificate;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Department work queues and the review workflow. */
@RestController
@RequestMapping("/api/approval/cases")
@Tag(name = "cases", description = "Department queues, review workflow, decisions, audit trail")
class CaseController {

    static final String READERS = "hasAnyRole('reviewer', 'department-head', 'department-system', 'supervisor')";
    /** A department system acts through the same API as its reviewers (client credentials, department claim). */
    static final String ACTORS = "hasAnyRole('reviewer', 'department-head', 'department-system')";

    static final String HEADS = "hasRole('department-head')";

    private final Reviewing reviewing;
    private final Deciding deciding;
    private final CaseQueries queries;

    CaseController(Reviewing reviewing, Deciding deciding, CaseQueries queries) {
        this.reviewing = reviewing;
        this.deciding = deciding;
        this.queries = queries;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The department's queue (supervisors: ?department= or all), most urgent first",
            description = "With `since` (an ISO-8601 instant), only the cases opened at or after it, in the order"
                    + " they were opened: what a desk client polls for new arrivals. A case is stamped when its"
                    + " opening transaction starts and becomes visible when it commits, so poll with an overlap of"
                    + " a few seconds and recognise cases already seen by their number.")
    List<CaseView.Summary> queue(Caller caller, @ParameterObject @Valid QueueQuery query) {
        return queries.queue(
                caller,
                new QueueFilter(
                        query.department(), query.status(), query.assignee(), query.open(), false, query.since()),
                new QueueFilter.Page(query.page(), query.size()));
    }

    /**
     * A queue as asked for in the query string.
     *
     * @param department another department (supervisors), or null for the caller's
     * @param status only this status, or null
     * @param assignee {@code me}, {@code none}, a username, or null for all
     * @param open only undecided cases (default true)
     * @param since only the cases opened at or after this instant, in the order they were opened, or null
     * @param page from 0
     * @param size entries per page (default 50)
     */
    record QueueQuery(
            String department,
            Status status,
            String assignee,
            Boolean open,
            Instant since,
            @Min(0) Integer page,
            @Min(1) @Max(500) Integer size) {

        QueueQuery {
            open = open == null || open;
            page = page == null ? 0 : page;
            size = size == null ? 50 : size;
        }
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('department-head', 'supervisor')")
    @Operation(summary = "Open cases warned (80% used) or overdue: the department head's list")
    List<CaseView.Summary> overdue(Caller caller, @RequestParam(required = false) String department) {
        return queries.overdue(caller, department);
    }

    @GetMapping("/{number}")
    @PreAuthorize(READERS)
    @Operation(summary = "One case with clock (days used, left, due date), materials, supplements, pauses, decision")
    CaseView view(@PathVariable String number, Caller caller) {
        return queries.view(number, caller);
    }

    @GetMapping("/{number}/materials/{code}")
    @PreAuthorize(READERS)
    @Operation(summary = "A material's document or certificate reference (the view is audited)")
    CaseView.Material material(@PathVariable String number, @PathVariable String code, Caller caller) {
        return queries.viewMaterial(number, code, caller);
    }

    @GetMapping("/{number}/certificates/{certificateNumber}")
    @PreAuthorize(READERS)
    @Operation(summary = "A certificate attached to or issued by the case, in full (the view is audited)")
    Certificate certificate(@PathVariable String number, @PathVariable String certificateNumber, Caller caller) {
        return queries.viewCertificate(number, certificateNumber, caller);
    }

    @GetMapping("/{number}/audit")
    @PreAuthorize(READERS)
    @Operation(summary = "The case's audit trail")
    List<AuditEntry> audit(@PathVariable String number, Caller caller) {
        return queries.auditTrail(number, caller);
    }

    @GetMapping("/{number}/audit/verify")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Recompute the keyed hash chain and hold it against the last checkpoint (and the one given, as a"
                    + " department system kept it from the audit.checkpoint events); the first broken link or the"
                    + " missing tail if the trail was tampered with")
    ChainVerification verifyAudit(
            @PathVariable String number,
            @RequestParam(required = false) @Min(1) Integer checkpointEntries,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}") String checkpointHash,
            Caller caller) {
        if ((checkpointEntries == null) != (checkpointHash == null)) {
            throw Refusal.badRequest(
                    "checkpoint-incomplete",
                    "Checkpoint incomplete",
                    "give both checkpointEntries and checkpointHash, or neither");
        }
        return queries.verifyAudit(
                number,
                checkpointEntries == null ? null : new AuditTrail.Checkpoint(checkpointEntries, checkpointHash),
                caller);
    }

    // ---- queue --------------------------------------------------------------------------------------------------

    /** @param reason optional remark */
    record Remark(@Schema(example = "本人休假，退回科室队列") String reason) {}

    /**
     * @param assignee username of the department's reviewer
     * @param reason optional remark
     */
    record Assignment(
            @Schema(example = "reviewer.samr") @NotBlank String assignee,
            @Schema(example = "熟悉该类企业登记") String reason) {}

    @PostMapping("/{number}/claim")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Claim an unassigned case of the department: it becomes the caller's")
    CaseView claim(@PathVariable String number, Caller caller) {
        return reviewing.claim(number, caller);
    }

    @PostMapping("/{number}/assign")
    @PreAuthorize(HEADS)
    @Operation(summary = "Assign a case to a reviewer of the department (department head)")
    CaseView assign(@PathVariable String number, @Valid @RequestBody Assignment request, Caller caller) {
        return reviewing.assign(number, request.assignee(), request.reason(), caller);
    }

    @PostMapping("/{number}/release")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Give a claimed case back to the department's queue")
    CaseView release(@PathVariable String number, @RequestBody(required = false) Remark request, Caller caller) {
        return reviewing.release(number, request == null ? null : request.reason(), caller);
    }

    // ---- review -------------------------------------------------------------------------------------------------

    /** @param note optional note on the completed step */
    record Note(@Schema(example = "材料齐全，转入审核决定环节") String note) {}

    /**
     * @param materials everything to supplement, at once
     * @param reason why
     */
    record SupplementRequest(
            @NotEmpty List<@Valid RequestedMaterial> materials,
            @Schema(example = "公司章程未经全体股东签字") @NotBlank String reason) {}

    /**
     * @param code material code, or null
     * @param description what is missing or deficient
     */
    record RequestedMaterial(
            @Schema(example = "ARTICLES_OF_ASSOCIATION") String code,
            @Schema(example = "请补正全体股东签字的公司章程") @NotBlank String description) {}

    /** @param reason why a second supplement is justified */
    record SecondSupplementApproval(
            @Schema(example = "申请人提交的验资证明与登记机关记录不符，需再次补正") @NotBlank
            String reason) {}

    /**
     * @param procedure SITE_INSPECTION, EXPERT_REVIEW or PUBLIC_NOTICE (one the current step allows)
     * @param expectedWorkingDays expected duration
     * @param reason why
     */
    record Suspension(
            @Schema(example = "SITE_INSPECTION")
            @NotBlank
            @Pattern(regexp = "SITE_INSPECTION|EXPERT_REVIEW|PUBLIC_NOTICE")
            String procedure,

            @Schema(example = "3") @Min(1) @Max(365) int expectedWorkingDays,
            @Schema(example = "需现场核查经营场所") @NotBlank String reason) {}

    /**
     * @param reason reasoning (optional)
     * @param legalBasis legal basis (optional)
     * @param certificate what the certificate states beyond the defaults, or null
     */
    record Approval(
            @Schema(example = "申请材料齐全，符合法定形式") String reason,
            @Schema(example = "《中华人民共和国市场主体登记管理条例》第十九条") String legalBasis,
            @Valid CertificateInput certificate) {}

    /**
     * @param holderName holder if not the applicant
     * @param holderIdNumber the holder's ID number or credit code
     * @param content certified fields
     * @param validUntil last valid day
     */
    record CertificateInput(
            @Schema(example = "杭州云帆科技有限公司") String holderName,
            @Schema(example = "91330100MA2XXXXX0X") String holderIdNumber,

            @Schema(example = "{\"businessScope\": \"软件开发；信息技术咨询服务\"}")
            Map<String, Object> content,

            @Schema(example = "2046-12-06") LocalDate validUntil) {}

    /**
     * @param reason why
     * @param legalBasis on what legal basis
     */
    record Rejection(
            @Schema(example = "拟设立公司名称与已登记企业名称相同") @NotBlank String reason,
            @Schema(example = "《企业名称登记管理规定》第十七条") @NotBlank String legalBasis) {}

    @PostMapping("/{number}/start-review")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Start reviewing a case: its first procedure step begins")
    CaseView startReview(@PathVariable String number, Caller caller) {
        return reviewing.startReview(number, caller);
    }

    @PostMapping("/{number}/advance")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Complete the current procedure step and go to the next (up to the decision step)")
    CaseView advance(@PathVariable String number, @RequestBody(required = false) Note request, Caller caller) {
        return reviewing.advance(number, request == null ? null : request.note(), caller);
    }

    @PostMapping("/{number}/supplement-requests")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Ask for a supplement (once; a second needs a department head's approval first)")
    CaseView requestSupplement(
            @PathVariable String number, @Valid @RequestBody SupplementRequest request, Caller caller) {
        return reviewing.requestSupplement(
                number,
                request.materials().stream()
                        .map(m -> new SupplementRequested.RequestedMaterial(m.code(), m.description()))
                        .toList(),
                request.reason(),
                caller);
    }

    @PostMapping("/{number}/second-supplement-approval")
    @PreAuthorize(HEADS)
    @Operation(summary = "Department head: allow a second supplement request, with a reason (flagged)")
    CaseView approveSecondSupplement(
            @PathVariable String number, @Valid @RequestBody SecondSupplementApproval request, Caller caller) {
        return reviewing.approveSecondSupplement(number, request.reason(), caller);
    }

    @PostMapping("/{number}/suspensions")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Suspend for a special procedure of the current step (the clock stops)")
    CaseView suspend(@PathVariable String number, @Valid @RequestBody Suspension request, Caller caller) {
        return reviewing.suspend(number, request.procedure(), request.expectedWorkingDays(), request.reason(), caller);
    }

    @PostMapping("/{number}/resume")
    @PreAuthorize(ACTORS)
    @Operation(summary = "End the suspension, or record the supplement received (the clock runs again)")
    CaseView resume(@PathVariable String number, @RequestBody(required = false) Note request, Caller caller) {
        return reviewing.resume(number, request == null ? null : request.note(), caller);
    }

    @PostMapping("/{number}/approve")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Approve (at the decision step); issues the item's e-certificate and starts waiting cases")
    CaseView approve(
            @PathVariable String number, @Valid @RequestBody(required = false) Approval request, Caller caller) {
        var approval = request == null ? new Approval(null, null, null) : request;
        var c = approval.certificate();
        return deciding.approve(
                number,
                approval.reason(),
                approval.legalBasis(),
                c == null
                        ? CertificateDetails.NONE
                        : new CertificateDetails(c.holderName(), c.holderIdNumber(), c.content(), c.validUntil()),
                caller);
    }

    @PostMapping("/{number}/reject")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Reject, with reason and legal basis (at the decision step)")
    CaseView reject(@PathVariable String number, @Valid @RequestBody Rejection request, Caller caller) {
        return deciding.reject(number, request.reason(), request.legalBasis(), caller);
    }
}
