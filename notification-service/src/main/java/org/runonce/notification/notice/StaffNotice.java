package org.runonce.notification.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice to department staff about a case: to one reviewer by username, or to the heads of the case's department.
 *
 * @param id its id
 * @param eventId the approval event it came from
 * @param eventType that event's type
 * @param kind {@code WARNING} (80 % of the promised time used), {@code OVERDUE}, {@code BAD_RATING},
 *     {@code COMPLAINT}, {@code COMPLAINT_OVERDUE} or {@code INQUIRY_OVERDUE}
 * @param caseNumber the case, or null for a notice about an application, a complaint or an inquiry
 * @param applicationNumber its application
 * @param department the case's department
 * @param addressee a username, or {@link #HEADS} for the heads of {@code department}
 * @param title short text
 * @param body the facts
 * @param createdAt when it arrived
 * @param readAt when its addressee marked it read, or null
 */
record StaffNotice(
        UUID id,
        String eventId,
        String eventType,
        String kind,
        String caseNumber,
        String applicationNumber,
        String department,
        String addressee,
        String title,
        String body,
        Instant createdAt,
        Instant readAt) {

    /** The addressee standing for every head of the notice's department. */
    static final String HEADS = "*heads*";

    /** The same notice to another addressee (its own id). */
    StaffNotice to(String username) {
        return new StaffNotice(
                UUID.randomUUID(),
                eventId,
                eventType,
                kind,
                caseNumber,
                applicationNumber,
                department,
                username,
                title,
                body,
                createdAt,
                readAt);
    }

    /** Whether the addressee is the department's heads rather than one user. */
    boolean toHeads() {
        return HEADS.equals(addressee);
    }
}
