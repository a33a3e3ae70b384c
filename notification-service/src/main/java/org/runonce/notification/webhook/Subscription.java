package org.runonce.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A department system's webhook.
 *
 * @param id its id
 * @param department the only department whose events it receives
 * @param clientId the OAuth2 client that registered it
 * @param callbackUrl where deliveries go
 * @param eventTypes CloudEvent types it wants; an entry ending in {@code *} matches every type with that prefix
 * @param secret the HMAC key signing deliveries
 * @param active false once deleted (its log stays)
 * @param createdAt when it was registered
 * @param deactivatedAt when it was deleted, or null
 */
record Subscription(
        UUID id,
        String department,
        String clientId,
        String callbackUrl,
        List<String> eventTypes,
        String secret,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt) {

    Subscription {
        eventTypes = List.copyOf(eventTypes);
    }

    /** Whether it wants events of this type. */
    boolean wants(String type) {
        return eventTypes.stream()
                .anyMatch(t -> t.endsWith("*") ? type.startsWith(t.substring(0, t.length() - 1)) : t.equals(type));
    }

    /** Its breaker's name: one per endpoint. */
    String endpoint() {
        return callbackUrl;
    }
}
