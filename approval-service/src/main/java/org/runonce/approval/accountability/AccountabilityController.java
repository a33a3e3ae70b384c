package org.runonce.approval.accountability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accountability records: supervisors see all of them; a department's heads and reviewers only their department's
 * (another department's record is not found); a head of the record's department resolves it.
 */
@RestController
@RequestMapping(path = "/api/approval/accountability", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "accountability",
        description = "问责记录: records electronic supervision opens, owned and resolved by the department's heads")
class AccountabilityController {

    static final String SUPERVISOR = "supervisor";

    private final AccountabilityRecords records;
    private final Time time;

    AccountabilityController(AccountabilityRecords records, Time time) {
        this.records = records;
        this.time = time;
    }

    /**
     * An accountability record.
     *
     * @param id its number
     * @param rule why it was opened
     * @param subject the case (case rules) or application (application rules) it is about
     * @param applicationNumber the application
     * @param caseNumber the case, or null for an application rule with several cases
     * @param department the department accountable
     * @param facts what happened
     * @param occurredAt when it happened
     * @param openedAt when the record was opened
     * @param owner the role that owns it in the department ({@code department-head})
     * @param state {@code OPEN} or {@code RESOLVED}
     * @param resolution the head's resolution, or null while open
     */
    record RecordView(
            long id,
            Rule rule,
            String subject,
            String applicationNumber,
            String caseNumber,
            String department,
            String facts,
            Instant occurredAt,
            Instant openedAt,
            String owner,
            String state,
            Resolution resolution) {

        static RecordView of(AccountabilityRecord r) {
            return new RecordView(
                    r.id(),
                    r.rule(),
                    r.subject(),
                    r.applicationNumber(),
                    r.caseNumber(),
                    r.departmentCode(),
                    r.facts(),
                    r.occurredAt(),
                    r.openedAt(),
                    r.ownerRole(),
                    r.state(),
                    r.explanation() == null ? null : new Resolution(r.explanation(), r.resolvedBy(), r.resolvedAt()));
        }
    }

    /**
     * How a record was resolved.
     *
     * @param explanation the head's explanation
     * @param resolvedBy the head
     * @param resolvedAt when
     */
    record Resolution(String explanation, String resolvedBy, Instant resolvedAt) {}

    /**
     * A head's resolution of a record.
     *
     * @param explanation what happened and what the department did about it
     */
    @Schema(name = "AccountabilityResolutionRequest")
    record ResolutionRequest(
            @Schema(
                    example = "审查人员病假未及时交接，已调整AB岗并对相关人员进行提醒谈话。"
                            + " The reviewer was on sick leave without a hand-over; backup roles were set and the"
                            + " reviewer was spoken to.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank
            @Size(max = 2000)
            String explanation) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('supervisor', 'department-head', 'reviewer')")
    @Operation(
            summary = "Accountability records, newest first",
            description = "Supervisors: all, filtered by department, state, rule and the period the facts occurred in"
                    + " (days in the platform's zone, inclusive). Heads and reviewers: their own department's only"
                    + " (a `department` naming another lists nothing).")
    @Transactional(readOnly = true)
    List<RecordView> list(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$") String department,
            @RequestParam(required = false) @Pattern(regexp = "^(OPEN|RESOLVED)$") String state,
            @RequestParam(required = false) Rule rule,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.unprocessable("invalid-range", "Invalid range", "to is before from");
        }
        String scope = department;
        if (!caller.hasRole(SUPERVISOR)) {
            if (caller.department().isEmpty() || (department != null && !caller.belongsTo(department))) {
                return List.of();
            }
            scope = caller.department().get();
        }
        return records.list(scope, state, rule, from, to, limit).stream()
                .map(RecordView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('supervisor', 'department-head', 'reviewer')")
    @Operation(
            summary = "One accountability record",
            description = "404 for a head or reviewer of another department, as for a record that does not exist.")
    @Transactional(readOnly = true)
    RecordView one(Caller caller, @PathVariable long id) {
        return RecordView.of(visible(caller, records.find(id).orElse(null), id));
    }

    @PostMapping(path = "/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('department-head')")
    @Operation(
            summary = "Resolve an accountability record (department head)",
            description = "A head of the record's department gives the explanation, once (409"
                    + " accountability-record-resolved after). Another department's head: 404.")
    @Transactional
    RecordView resolve(Caller caller, @PathVariable long id, @Valid @RequestBody ResolutionRequest request) {
        var found = visible(caller, records.lock(id).orElse(null), id);
        if (!caller.belongsTo(found.departmentCode())) {
            throw Refusal.notFound("accountability record", id); // a supervisor who is also a head elsewhere
        }
        var resolved = found.resolve(request.explanation(), caller.username(), time.now());
        records.resolved(resolved);
        return RecordView.of(resolved);
    }

    private static AccountabilityRecord visible(Caller caller, AccountabilityRecord found, long id) {
        if (found == null || !(caller.hasRole(SUPERVISOR) || caller.belongsTo(found.departmentCode()))) {
            throw Refusal.notFound("accountability record", id);
        }
        return found;
    }
}
