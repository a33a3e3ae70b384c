package org.runonce.notification.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription; a row of the subscription's delivery log.
 *
 * @param id its id, also sent as header {@code X-RunOnce-Delivery}
 * @param seq creation order; deliveries of one subscription and subject go out in this order
 * @param subscriptionId the subscription
 * @param eventId the CloudEvent id (the receiver's deduplication key)
 * @param eventType the CloudEvent type
 * @param subject the CloudEvent subject (case or application number)
 * @param body the CloudEvent in structured JSON, exactly as sent
 * @param state where it is
 * @param attempts attempts so far
 * @param createdAt when the event was consumed
 * @param retryFrom retrying stops at this instant plus the maximum age (reset by a manual redelivery)
 * @param nextAttemptAt when it is due, null once it is final
 * @param lastAttemptAt last attempt
 * @param lastStatus HTTP status of the last attempt, null if there was no response
 * @param lastError what went wrong the last time, null after success
 * @param deliveredAt when the receiver acknowledged it (2xx)
 */
record Delivery(
        UUID id,
        long seq,
        UUID subscriptionId,
        String eventId,
        String eventType,
        String subject,
        String body,
        State state,
        int attempts,
        Instant createdAt,
        Instant retryFrom,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt) {

    /** Where a delivery is. */
    enum State {
        /** Not tried yet (or redelivery requested). */
        PENDING,
        /** Acknowledged by the receiver with a 2xx status. */
        SUCCEEDED,
        /** Failed, tried again at {@code nextAttemptAt}. */
        FAILED_RETRYING,
        /** Given up after the maximum age: visible and replayable until {@code retention.dead-deliveries}. */
        DEAD
    }
}
