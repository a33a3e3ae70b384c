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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's in-app inbox: only their own notices, by the token's subject. */
@RestController
@RequestMapping(path = "/api/notifications/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "The applicant's notices in the portal")
class InboxController {

    private final Notices notices;
    private final Time time;

    InboxController(Notices notices, Time time) {
        this.notices = notices;
        this.time = time;
    }

    /**
     * A notice in the inbox.
     *
     * @param id its id
     * @param template what it is about, e.g. {@code accepted}
     * @param applicationNumber the application, or null
     * @param locale {@code zh-CN} or {@code en}
     * @param title its title
     * @param body its text
     * @param createdAt when it arrived
     * @param readAt when it was marked read, or null
     */
    record InboxItem(
            UUID id,
            String template,
            String applicationNumber,
            String locale,
            String title,
            String body,
            Instant createdAt,
            Instant readAt) {

        static InboxItem of(Notice n) {
            return new InboxItem(
                    n.id(),
                    n.template(),
                    n.applicationNumber(),
                    n.locale(),
                    n.title(),
                    n.body(),
                    n.createdAt(),
                    n.readAt());
        }
    }

    @GetMapping
    @Operation(summary = "The caller's notices, newest first")
    @Transactional(readOnly = true)
    List<InboxItem> inbox(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return notices.inbox(caller.subject(), limit).stream()
                .map(InboxItem::of)
                .toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notices read")
    @Transactional
    InboxItem read(Caller caller, @PathVariable UUID id) {
        notices.inboxItem(caller.subject(), id)
                .orElseThrow(
                        () -> new Refusal(404, "not-found", "Not found", "notice " + id + " is not in your inbox"));
        notices.markRead(id, time.now());
        return InboxItem.of(notices.inboxItem(caller.subject(), id).orElseThrow());
    }
}
