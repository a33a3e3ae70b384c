package org.runonce.notification.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Department staff's inbox (电子监察): the warnings and overdue notices of their department's cases, by the token's
 * username (notices to them as the case's reviewer) and, for a department head, the heads' notices of the token's
 * department. A caller without a department claim has none.
 */
@RestController
@RequestMapping(path = "/api/notifications/staff/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Staff inbox",
        description = "Warnings and overdue notices of a department's cases for its reviewers and heads")
class StaffInboxController {

    static final String HEAD = "department-head";

    private final StaffInbox inbox;
    private final Time time;

    StaffInboxController(StaffInbox inbox, Time time) {
        this.inbox = inbox;
        this.time = time;
    }

    /**
     * A staff notice.
     *
     * @param id its id
     * @param kind {@code WARNING} (80 % of the promised time used) or {@code OVERDUE}
     * @param caseNumber the case
     * @param applicationNumber its application
     * @param department the case's department
     * @param toHeads whether it is addressed to the department's heads (else to the caller as the case's reviewer)
     * @param title short text
     * @param body the facts: item, promised days, due date, days used and left
     * @param createdAt when it arrived
     * @param readAt when it was marked read, or null
     */
    record StaffInboxItem(
            UUID id,
            String kind,
            String caseNumber,
            String applicationNumber,
            String department,
            boolean toHeads,
            String title,
            String body,
            Instant createdAt,
            Instant readAt) {

        static StaffInboxItem of(StaffNotice n) {
            return new StaffInboxItem(
                    n.id(),
                    n.kind(),
                    n.caseNumber(),
                    n.applicationNumber(),
                    n.department(),
                    n.toHeads(),
                    n.title(),
                    n.body(),
                    n.createdAt(),
                    n.readAt());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('reviewer', 'department-head')")
    @Operation(
            summary = "The caller's staff notices, newest first",
            description = "Warnings (80 % of the promised time used) and overdue notices of cases of the caller's"
                    + " department (token claim `department`): those addressed to the caller as the case's reviewer"
                    + " and, for a department head, those to the department's heads. Empty without a department.")
    @Transactional(readOnly = true)
    List<StaffInboxItem> inbox(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (caller.department().isEmpty()) {
            return List.of();
        }
        return inbox.of(caller.username(), caller.department().get(), caller.hasRole(HEAD), limit).stream()
                .map(StaffInboxItem::of)
                .toList();
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("hasAnyRole('reviewer', 'department-head')")
    @Operation(
            summary = "Mark one of the caller's staff notices read",
            description = "404 when the notice is not in the caller's staff inbox (another user's or department's).")
    @Transactional
    StaffInboxItem read(Caller caller, @PathVariable UUID id) {
        var notFound = new Refusal(404, "not-found", "Not found", "notice " + id + " is not in your inbox");
        String department = caller.department().orElseThrow(() -> notFound);
        boolean head = caller.hasRole(HEAD);
        inbox.one(caller.username(), department, head, id).orElseThrow(() -> notFound);
        inbox.markRead(id, time.now());
        return StaffInboxItem.of(
                inbox.one(caller.username(), department, head, id).orElseThrow());
    }
}
