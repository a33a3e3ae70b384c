package org.runonce.contracts.notification;

import java.time.Instant;

/**
 * A notice reached the applicant through one channel. Subject and Kafka key: the notice id; no {@code department}
 * extension.
 *
 * @param noticeId the notice
 * @param causeEventId the CloudEvent id of the event the notice is about (one notice per event and channel)
 * @param causeEventType its type, e.g. {@code org.runonce.intake.application.accepted.v1}
 * @param applicationNumber the application concerned, or null
 * @param template the template used, e.g. {@code accepted}
 * @param channel {@code EMAIL}, {@code SMS} or {@code INBOX}
 * @param locale {@code zh-CN} or {@code en}
 * @param sentAt when it was handed to the channel
 */
public record NoticeSent(
        String noticeId,
        String causeEventId,
        String causeEventType,
        String applicationNumber,
        String template,
        String channel,
        String locale,
        Instant sentAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.notification.notice.sent.v1";
}
