package org.runonce.approval.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.runonce.approval.complaint.Complaint.About;
import org.runonce.approval.complaint.Complaint.AboutKind;
import org.runonce.approval.complaint.Complaint.Channel;
import org.runonce.starter.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Complaints (投诉): filing, following, replying, escalating, supervising. */
@RestController
@Tag(name = "complaints", description = "投诉: complaints about an application, a case, a department or a window")
class ComplaintController {

    static final String ACCESS_CODE = "X-Access-Code";

    private final HandlingComplaints handling;

    ComplaintController(HandlingComplaints handling) {
        this.handling = handling;
    }

    /**
     * What a complaint is about.
     *
     * @param kind APPLICATION, CASE, DEPARTMENT or WINDOW
     * @param reference the application number, the case number, the department code or the window
     */
    @Schema(name = "ComplaintSubject")
    record AboutInput(
            @Schema(example = "CASE") @NotNull AboutKind kind,

            @Schema(example = "330000-2026-000000123-01") @NotBlank @Size(max = 100)
            String reference) {}

    /**
     * A contact of someone who did not sign in: a phone number or an e-mail, a name if they like.
     *
     * @param name optional
     * @param phone a phone number, or an e-mail instead
     * @param email an e-mail address, or a phone number instead
     */
    @Schema(name = "ComplainantContact")
    record ContactInput(
            @Schema(example = "王先生") @Size(max = 50) String name,

            @Schema(example = "13800000000") @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$")
            String phone,

            @Schema(example = "wang@example.com") @Email @Size(max = 254)
            String email) {
        Contact contact() {
            return new Contact(name, phone, email);
        }
    }

    /**
     * An applicant's complaint.
     *
     * @param about what it is about
     * @param department the responsible department, if the complainant knows it (else derived from the case or
     *     application, or assigned by a supervisor)
     * @param description the complaint
     */
    record ComplaintFiling(
            @Valid @NotNull AboutInput about,

            @Schema(example = "SAMR") @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$")
            String department,

            @Schema(example = "窗口要求重复提交已经提交过的材料") @NotBlank @Size(max = 2000)
            String description) {
        HandlingComplaints.Filing filing() {
            return new HandlingComplaints.Filing(new About(about.kind(), about.reference()), department, description);
        }
    }

    /**
     * A complaint by someone who does not sign in.
     *
     * @param about what it is about
     * @param department the responsible department, if known
     * @param description the complaint
     * @param contact how to reach the complainant (phone or e-mail); never shown to the department
     */
    record AnonymousComplaintFiling(
            @Valid @NotNull AboutInput about,

            @Schema(example = "SAMR") @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$")
            String department,

            @Schema(example = "办事大厅3号窗口工作人员态度恶劣") @NotBlank @Size(max = 2000)
            String description,

            @Valid @NotNull ContactInput contact) {}

    /**
     * A complaint a window clerk records for someone.
     *
     * @param channel WINDOW, PHONE or ONLINE (how the complaint came in)
     * @param about what it is about
     * @param department the responsible department, if known
     * @param description the complaint
     * @param contact how to reach the complainant
     */
    record RecordedComplaint(
            @Schema(example = "PHONE") @NotNull Channel channel,
            @Valid @NotNull AboutInput about,

            @Schema(example = "SAMR") @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$")
            String department,

            @Schema(example = "来电反映审批超时未办结") @NotBlank @Size(max = 2000)
            String description,

            @Valid @NotNull ContactInput contact) {}

    /** @param reply the department's answer to the complainant */
    record ComplaintReply(
            @Schema(example = "经核查，已责令窗口改正并向您致歉；材料无需重复提交。") @NotBlank @Size(max = 4000)
            String reply) {}

    /** @param reason why the complainant is not satisfied */
    record ComplaintEscalation(
            @Schema(example = "答复未解决问题") @Size(max = 2000) String reason) {}

    /** @param department the department to answer for it */
    record ComplaintAssignment(
            @Schema(example = "SAMR") @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$")
            String department) {}

    /** @param resolution what the supervisor found and did */
    record ComplaintResolution(
            @Schema(example = "已约谈部门负责人，责令整改，并回复投诉人。") @NotBlank @Size(max = 4000)
            String resolution) {}

    @PostMapping("/api/approval/complaints")
    @PreAuthorize("hasRole('applicant')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "An applicant files a complaint",
            description = "About an application, a case, a department or a window. The responsible department is the"
                    + " one named, else the case's (or the application's when all its cases are of one department),"
                    + " else a supervisor assigns one. Its reply is due within runonce.approval.complaints.limit-days"
                    + " working days of the department region's calendar.")
    ComplaintView file(@Valid @RequestBody ComplaintFiling filing, Caller caller) {
        return handling.fileAsApplicant(caller, filing.filing());
    }

    @PostMapping("/api/approval/public/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Anyone files a complaint without signing in",
            description = "With a phone number or an e-mail (a name is optional); the answer carries, this once, the"
                    + " access code to follow the complaint with (GET /api/approval/public/complaints/{number} with"
                    + " header X-Access-Code). The contact is never shown to the department nor put in an event.")
    ComplaintView.Filed fileAnonymously(@Valid @RequestBody AnonymousComplaintFiling filing) {
        return handling.fileAnonymously(
                new HandlingComplaints.Filing(
                        new About(filing.about().kind(), filing.about().reference()),
                        filing.department(),
                        filing.description()),
                filing.contact().contact());
    }

    @PostMapping("/api/approval/complaints/recorded")
    @PreAuthorize("hasRole('window-clerk')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A window clerk records a complaint made at the window, by phone or online",
            description = "The complainant is known by the contact given; the answer carries the access code to hand"
                    + " them (shown this once).")
    ComplaintView.Filed record(@Valid @RequestBody RecordedComplaint recorded, Caller caller) {
        return handling.record(
                caller,
                recorded.channel(),
                new HandlingComplaints.Filing(
                        new About(recorded.about().kind(), recorded.about().reference()),
                        recorded.department(),
                        recorded.description()),
                recorded.contact().contact());
    }

    @GetMapping("/api/approval/public/complaints/{number}")
    @Operation(
            summary = "An anonymous complainant follows their complaint",
            description = "With the access code given at filing in header X-Access-Code; a wrong code answers 404, as"
                    + " for a complaint that does not exist.")
    ComplaintView followAnonymously(
            @PathVariable String number,
            @Parameter(description = "the access code given at filing", example = "K7QH3M9TXR2P")
                    @RequestHeader(ACCESS_CODE)
                    String code) {
        return handling.readWithCode(number, code);
    }

    @PostMapping("/api/approval/public/complaints/{number}/escalation")
    @Operation(
            summary = "An anonymous complainant, unhappy with the reply, escalates to the supervisors",
            description = "With the access code in header X-Access-Code; only a replied complaint is escalated (409).")
    ComplaintView escalateAnonymously(
            @PathVariable String number,
            @Parameter(description = "the access code given at filing", example = "K7QH3M9TXR2P")
                    @RequestHeader(ACCESS_CODE)
                    String code,
            @Valid @RequestBody ComplaintEscalation escalation) {
        return handling.escalateWithCode(number, code, escalation.reason());
    }

    @GetMapping("/api/approval/complaints")
    @PreAuthorize("hasAnyRole('applicant', 'reviewer', 'department-head', 'supervisor', 'window-clerk')")
    @Operation(
            summary = "Complaints the caller may see, newest first",
            description = "An applicant: their own; a department's reviewers and heads: the department's (no"
                    + " complainant contact); a window clerk: the ones they recorded; supervisors: all, the contact"
                    + " masked. Supervision: ?overdue=true (not replied within the limit), ?status=ESCALATED,"
                    + " ?unassigned=true (no department yet).")
    List<ComplaintView> list(
            Caller caller,
            @Parameter(example = "ESCALATED") @RequestParam(required = false) Complaint.Status status,
            @Parameter(example = "true") @RequestParam(required = false) Boolean overdue,
            @Parameter(example = "false") @RequestParam(required = false) Boolean unassigned,
            @Parameter(example = "50") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return handling.list(caller, status, overdue, unassigned, limit);
    }

    @GetMapping("/api/approval/complaints/{number}")
    @PreAuthorize("hasAnyRole('applicant', 'reviewer', 'department-head', 'supervisor', 'window-clerk')")
    @Operation(
            summary = "One complaint",
            description = "404 for a complaint of another department or another complainant, as if it did not exist.")
    ComplaintView read(@PathVariable String number, Caller caller) {
        return handling.read(number, caller);
    }

    @PostMapping("/api/approval/complaints/{number}/reply")
    @PreAuthorize("hasAnyRole('reviewer', 'department-head')")
    @Operation(
            summary = "The responsible department replies to the complainant",
            description = "Once; a reviewer or head of the department (404 for another department's complaint).")
    ComplaintView reply(@PathVariable String number, @Valid @RequestBody ComplaintReply reply, Caller caller) {
        return handling.reply(number, caller, reply.reply());
    }

    @PostMapping("/api/approval/complaints/{number}/escalation")
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "The complainant, unhappy with the reply, escalates to the supervisors",
            description = "Only a replied complaint (409 otherwise); an overdue one is escalated by the complaint"
                    + " watch.")
    ComplaintView escalate(
            @PathVariable String number, @Valid @RequestBody ComplaintEscalation escalation, Caller caller) {
        return handling.escalate(number, caller, escalation.reason());
    }

    @PostMapping("/api/approval/complaints/{number}/assignment")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(
            summary = "A supervisor names the responsible department of a complaint that has none",
            description = "Its clock starts today on the department region's calendar.")
    ComplaintView assign(
            @PathVariable String number, @Valid @RequestBody ComplaintAssignment assignment, Caller caller) {
        return handling.assign(number, caller, assignment.department());
    }

    @PostMapping("/api/approval/complaints/{number}/resolution")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "A supervisor resolves an escalated complaint")
    ComplaintView resolve(
            @PathVariable String number, @Valid @RequestBody ComplaintResolution resolution, Caller caller) {
        return handling.resolve(number, caller, resolution.resolution());
    }
}
