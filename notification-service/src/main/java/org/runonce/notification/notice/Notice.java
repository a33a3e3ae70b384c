package org.runonce.notification.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice to an applicant through one channel; at most one per event and channel.
 *
 * @param id its id
 * @param eventId the CloudEvent it is about
 * @param eventType that event's type
 * @param channel how it reaches the applicant
 * @param template the template used
 * @param applicationNumber the application, or null
 * @param applicantSubject the applicant's identity subject (inbox owner), or null
 * @param recipient e-mail address or phone number, null for the inbox
 * @param locale {@code zh-CN} or {@code en}
 * @param title title (e-mail subject)
 * @param body text (the SMS text for SMS)
 * @param state PENDING until the channel took it, then SENT (or FAILED after the maximum attempts)
 * @param attempts send attempts
 * @param createdAt when the event was consumed
 * @param sentAt when the channel took it
 * @param readAt when the applicant marked it read (inbox)
 */
record Notice(
        UUID id,
        String eventId,
        String eventType,
        Channel channel,
        String template,
        String applicationNumber,
        String applicantSubject,
        String recipient,
        String locale,
        String title,
        String body,
        String state,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        Instant readAt) {

    /** Without recipient or text: a notice in a log line never shows an address or a phone number. */
    @Override
    public String toString() {
        return "Notice[id=%s, eventId=%s, eventType=%s, channel=%s, template=%s, applicationNumber=%s, state=%s]"
                .formatted(id, eventId, eventType, channel, template, applicationNumber, state);
    }

    /** The ways a notice reaches an applicant. */
    enum Channel {
        EMAIL,
        SMS,
        INBOX
    }
}
