package org.runonce.notification.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of applicant notices that did not go out: FAILED ones (their channel failed for the whole retry
 * period) to resend, PENDING ones being retried, and events waiting for an applicant's contact. Under
 * {@code /api/notifications/admin}: the starter's {@code runonce.security.admin-roles}.
 */
@RestController
@RequestMapping(path = "/api/notifications/admin/notices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notices (operators)", description = "Failed and pending e-mail and SMS notices; resend")
class NoticeAdminController {

    /** How many notices a bulk resend made pending again. */
    record Resent(int resent) {}

    private final Notices notices;
    private final Time time;

    NoticeAdminController(Notices notices, Time time) {
        this.notices = notices;
        this.time = time;
    }

    @GetMapping
    @Operation(summary = "E-mail and SMS notices in a state (FAILED by default, or PENDING), oldest first")
    @Transactional(readOnly = true)
    List<Notices.Delivery> list(
            @RequestParam(defaultValue = "FAILED") @Pattern(regexp = "FAILED|PENDING") String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notices.inState(state, limit);
    }

    @GetMapping("/awaiting-contact")
    @Operation(summary = "Events kept until the applicant's contact arrives from intake, oldest first")
    @Transactional(readOnly = true)
    List<Notices.AwaitingContact> awaitingContact(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notices.awaitingContact(limit);
    }

    /** The applications whose applicant contact has a phone number. */
    record Notifying(List<String> applicationNumbers) {}

    @GetMapping("/contacts")
    @Operation(
            summary = "The applications whose notices go to a phone number (stored encrypted, found by its blind"
                    + " index): an applicant's request about their data, or SMS to stop")
    @Transactional(readOnly = true)
    Notifying notifying(
            @RequestParam @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}") String phone,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new Notifying(notices.applicationsNotifying(phone, limit));
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Make a FAILED notice pending again, with a fresh retry period")
    @Transactional
    Resent resend(@PathVariable UUID id) {
        if (!notices.resend(id, time.now())) {
            throw Refusal.conflict("not-failed", "Not failed", "notice " + id + " is not FAILED");
        }
        return new Resent(1);
    }

    @PostMapping("/resend-failed")
    @Operation(summary = "Make every FAILED notice pending again")
    @Transactional
    Resent resendFailed() {
        return new Resent(notices.resendAllFailed(time.now()));
    }
}
