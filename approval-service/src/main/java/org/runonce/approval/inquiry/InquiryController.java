package org.runonce.approval.inquiry;

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
import org.runonce.approval.complaint.Contact;
import org.runonce.approval.inquiry.Inquiry.Channel;
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

/** Inquiries under first-inquiry responsibility (首问负责制). */
@RestController
@Tag(name = "inquiries", description = "咨询, 首问负责: whoever receives an inquiry owns it until answered or handed over")
class InquiryController {

    static final String ACCESS_CODE = "X-Access-Code";
    static final String DEPARTMENT = "^[A-Z][A-Z0-9_-]{1,29}$";

    private final HandlingInquiries handling;

    InquiryController(HandlingInquiries handling) {
        this.handling = handling;
    }

    /**
     * How to reach an inquirer who did not sign in.
     *
     * @param name optional
     * @param phone a phone number, or an e-mail instead
     * @param email an e-mail address, or a phone number instead
     */
    @Schema(name = "InquirerContact")
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
     * An inquiry a member of staff received.
     *
     * @param channel WINDOW, PHONE or ONLINE
     * @param question what was asked
     * @param contact how to reach the inquirer
     */
    record ReceivedInquiry(
            @Schema(example = "WINDOW") @NotNull Channel channel,

            @Schema(example = "食品经营许可需要哪些材料？") @NotBlank @Size(max = 2000)
            String question,

            @Valid @NotNull ContactInput contact) {}

    /**
     * An applicant's online inquiry to a department.
     *
     * @param department the department asked
     * @param question what is asked
     */
    record OnlineInquiry(
            @Schema(example = "SAMR") @NotBlank @Pattern(regexp = DEPARTMENT)
            String department,

            @Schema(example = "食品经营许可现场核查需要多久？") @NotBlank @Size(max = 2000)
            String question) {}

    /**
     * An online inquiry of someone who does not sign in.
     *
     * @param department the department asked
     * @param question what is asked
     * @param contact how to reach the inquirer
     */
    record AnonymousInquiry(
            @Schema(example = "SAMR") @NotBlank @Pattern(regexp = DEPARTMENT)
            String department,

            @Schema(example = "个体工商户登记可以当场办结吗？") @NotBlank @Size(max = 2000)
            String question,

            @Valid @NotNull ContactInput contact) {}

    /**
     * A formal hand-over to a named owner.
     *
     * @param toOwner the new owner's username
     * @param toDepartment the new owner's department, or null for a window clerk of the hall
     * @param reason why
     */
    record InquiryHandover(
            @Schema(example = "li.samr") @NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{2,64}$")
            String toOwner,

            @Schema(example = "SAMR") @Pattern(regexp = DEPARTMENT)
            String toDepartment,

            @Schema(example = "涉及食品经营许可现场核查，由市场监管局审查人员答复") @NotBlank @Size(max = 1000)
            String reason) {}

    /** @param answer the answer to the inquirer */
    record InquiryAnswer(
            @Schema(example = "需提交食品安全管理制度、经营场所平面图等材料，详见办事指南。") @NotBlank @Size(max = 4000)
            String answer) {}

    @PostMapping("/api/approval/inquiries")
    @PreAuthorize("hasAnyRole('window-clerk', 'reviewer', 'department-head')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A member of staff records an inquiry they received: they own it (首问负责)",
            description = "At the window, by phone or online; a window clerk owns it for the hall, a reviewer or head"
                    + " for their department. The answer carries the access code for the inquirer, this once. It is"
                    + " due within runonce.approval.inquiries.limit-days working days.")
    InquiryView.Received receive(@Valid @RequestBody ReceivedInquiry inquiry, Caller caller) {
        return handling.receive(
                caller, inquiry.channel(), inquiry.question(), inquiry.contact().contact());
    }

    @PostMapping("/api/approval/inquiries/online")
    @PreAuthorize("hasRole('applicant')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "An applicant asks a department online",
            description = "It waits in the department until one of its staff takes it and owns it.")
    InquiryView ask(@Valid @RequestBody OnlineInquiry inquiry, Caller caller) {
        return handling.ask(caller, inquiry.department(), inquiry.question());
    }

    @PostMapping("/api/approval/public/inquiries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Anyone asks a department online without signing in",
            description = "With a phone number or an e-mail; the answer carries, this once, the access code to follow"
                    + " the inquiry with (header X-Access-Code). The contact is never shown to staff.")
    InquiryView.Received askAnonymously(@Valid @RequestBody AnonymousInquiry inquiry) {
        return handling.askAnonymously(
                inquiry.department(), inquiry.question(), inquiry.contact().contact());
    }

    @GetMapping("/api/approval/public/inquiries/{number}")
    @Operation(
            summary = "An inquirer who did not sign in follows their inquiry: who owns it now, the answer",
            description = "With the access code in header X-Access-Code; a wrong code answers 404.")
    InquiryView follow(
            @PathVariable String number,
            @Parameter(description = "the access code given at receipt", example = "K7QH3M9TXR2P")
                    @RequestHeader(ACCESS_CODE)
                    String code) {
        return handling.readWithCode(number, code);
    }

    @GetMapping("/api/approval/inquiries")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk', 'reviewer', 'department-head', 'supervisor')")
    @Operation(
            summary = "Inquiries the caller may see, newest first",
            description = "An applicant: their own; staff: the ones they own or received and their department's;"
                    + " supervisors: all (supervision: ?overdue=true).")
    List<InquiryView> list(
            Caller caller,
            @Parameter(example = "OPEN") @RequestParam(required = false) Inquiry.Status status,
            @Parameter(example = "true") @RequestParam(required = false) Boolean overdue,
            @Parameter(example = "50") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return handling.list(caller, status, overdue, limit);
    }

    @GetMapping("/api/approval/inquiries/{number}")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk', 'reviewer', 'department-head', 'supervisor')")
    @Operation(summary = "One inquiry", description = "404 for another department's or another applicant's.")
    InquiryView read(@PathVariable String number, Caller caller) {
        return handling.read(number, caller);
    }

    @PostMapping("/api/approval/inquiries/{number}/take")
    @PreAuthorize("hasAnyRole('reviewer', 'department-head')")
    @Operation(summary = "A reviewer or head takes an online inquiry addressed to their department: they own it")
    InquiryView take(@PathVariable String number, Caller caller) {
        return handling.take(number, caller);
    }

    @PostMapping("/api/approval/inquiries/{number}/handover")
    @PreAuthorize("hasAnyRole('window-clerk', 'reviewer', 'department-head')")
    @Operation(
            summary = "The owner hands the inquiry over to a named owner, with the reason",
            description = "Only the owner (403 otherwise); recorded with the time, the old and the new owner.")
    InquiryView handOver(@PathVariable String number, @Valid @RequestBody InquiryHandover handover, Caller caller) {
        return handling.handOver(number, caller, handover.toOwner(), handover.toDepartment(), handover.reason());
    }

    @PostMapping("/api/approval/inquiries/{number}/answer")
    @PreAuthorize("hasAnyRole('window-clerk', 'reviewer', 'department-head')")
    @Operation(summary = "The owner answers the inquiry", description = "Only the owner (403 otherwise).")
    InquiryView answer(@PathVariable String number, @Valid @RequestBody InquiryAnswer answer, Caller caller) {
        return handling.answer(number, caller, answer.answer());
    }
}
