package org.runonce.contracts.notification;

import java.time.Instant;

/**
 * A webhook delivery gave up after retrying for the configured maximum age: it stays visible in the subscription's
 * delivery log as {@code DEAD} and can be redelivered. Subject and Kafka key: the delivery id; {@code department}
 * extension: the subscription's department.
 *
 * @param deliveryId the delivery
 * @param subscriptionId the subscription it belongs to
 * @param department the subscribing department, e.g. SAMR
 * @param callbackUrl where it was to be sent
 * @param eventId the CloudEvent id that was not delivered
 * @param eventType its type
 * @param eventSubject its subject (case or application number), or null
 * @param attempts how many times it was tried
 * @param lastStatus the last HTTP status received, or null when there was no response
 * @param lastError what went wrong the last time
 * @param firstAttemptAt when retrying started
 * @param deadAt when it was given up
 */
public record WebhookDeliveryDeadLettered(
        String deliveryId,
        String subscriptionId,
        String department,
        String callbackUrl,
        String eventId,
        String eventType,
        String eventSubject,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant firstAttemptAt,
        Instant deadAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.notification.webhook.dead-lettered.v1";
}
