package org.runonce.notification.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.notification.webhook.Delivery.State;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions of department systems; each only sees and receives its own department's. */
@RestController
@RequestMapping(path = "/api/notifications/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('department-system')")
@Tag(name = "Subscriptions", description = "Webhooks of department systems: signed CloudEvents of their department")
class SubscriptionController {

    private final Webhooks webhooks;

    SubscriptionController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * A new subscription.
     *
     * @param callbackUrl http(s) URL receiving POSTs of CloudEvents (structured mode)
     * @param eventTypes CloudEvent types; a trailing {@code *} matches a prefix, e.g. {@code org.runonce.approval.case.*}
     * @param secret HMAC-SHA256 key of the {@code X-RunOnce-Signature} header; never shown again
     */
    record CreateSubscription(
            @NotBlank @Schema(example = "https://samr.example.gov.cn/runonce/events")
            String callbackUrl,

            @NotEmpty
            @Size(max = 100)
            @ArraySchema(
                    schema = @Schema(example = "org.runonce.approval.case.*"),
                    arraySchema =
                            @Schema(
                                    example = "[\"org.runonce.approval.case.*\","
                                            + " \"org.runonce.intake.application.accepted.v1\"]"))
            List<
                            @NotBlank
                            @Pattern(
                                    regexp = "[a-z0-9.\\-]+\\*?",
                                    message = "must be a CloudEvent type, optionally ending in *")
                            String>
                    eventTypes,

            @NotBlank @Size(min = 16, max = 256) @Schema(example = "Samr-5f3c9e7a514a-webhook-key")
            String secret) {}

    /**
     * A subscription as its department sees it (never the secret).
     *
     * @param id its id
     * @param department whose events it receives
     * @param clientId the client that registered it
     * @param callbackUrl where events go
     * @param eventTypes which types
     * @param active false once deleted
     * @param createdAt registration
     * @param deactivatedAt deletion, or null
     */
    record SubscriptionView(
            UUID id,
            String department,
            String clientId,
            String callbackUrl,
            List<String> eventTypes,
            boolean active,
            Instant createdAt,
            Instant deactivatedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(
                    s.id(),
                    s.department(),
                    s.clientId(),
                    s.callbackUrl(),
                    s.eventTypes(),
                    s.active(),
                    s.createdAt(),
                    s.deactivatedAt());
        }
    }

    /**
     * One row of the delivery log.
     *
     * @param id delivery id (header {@code X-RunOnce-Delivery})
     * @param eventId CloudEvent id
     * @param eventType CloudEvent type
     * @param subject CloudEvent subject
     * @param state PENDING, SUCCEEDED, FAILED_RETRYING or DEAD
     * @param attempts attempts so far
     * @param createdAt when the event was queued
     * @param nextAttemptAt when it is tried next, null when final
     * @param lastAttemptAt last attempt
     * @param lastStatus HTTP status of the last attempt
     * @param lastError what went wrong last
     * @param deliveredAt when it was acknowledged
     */
    record DeliveryView(
            UUID id,
            String eventId,
            String eventType,
            String subject,
            State state,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant deliveredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.eventId(),
                    d.eventType(),
                    d.subject(),
                    d.state(),
                    d.attempts(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.lastAttemptAt(),
                    d.lastStatus(),
                    d.lastError(),
                    d.deliveredAt());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe (department-system): events of the caller's department to a callback URL")
    ResponseEntity<SubscriptionView> create(Caller caller, @Valid @RequestBody CreateSubscription body) {
        var subscription = webhooks.subscribe(
                department(caller), caller.clientId(), body.callbackUrl(), body.eventTypes(), body.secret());
        return ResponseEntity.created(URI.create("/api/notifications/subscriptions/" + subscription.id()))
                .body(SubscriptionView.of(subscription));
    }

    @GetMapping
    @Operation(summary = "The caller's department's subscriptions, deleted ones included")
    List<SubscriptionView> list(Caller caller) {
        return webhooks.of(department(caller)).stream()
                .map(SubscriptionView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription")
    SubscriptionView one(Caller caller, @PathVariable UUID id) {
        return SubscriptionView.of(webhooks.get(department(caller), id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deactivate a subscription; its delivery log stays readable")
    SubscriptionView delete(Caller caller, @PathVariable UUID id) {
        return SubscriptionView.of(webhooks.deactivate(department(caller), id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first, optionally one state (e.g. DEAD)")
    List<DeliveryView> deliveries(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) State status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return webhooks.log(department(caller), id, status, limit).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send one delivery again, whatever its state, with a fresh retry age")
    DeliveryView redeliver(Caller caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return DeliveryView.of(webhooks.redeliver(department(caller), id, deliveryId));
    }

    @PostMapping("/{id}/redeliver")
    @Operation(summary = "Send every delivery in a state again (status=DEAD replays the dead letters)")
    Map<String, Integer> redeliverAll(
            Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "DEAD") State status) {
        return Map.of("redelivered", webhooks.redeliverAll(department(caller), id, status));
    }

    private static String department(Caller caller) {
        return caller.department()
                .orElseThrow(() -> Refusal.forbidden(
                        "no-department",
                        "No department",
                        "only clients of a department (token claim 'department') subscribe to its events"));
    }
}
