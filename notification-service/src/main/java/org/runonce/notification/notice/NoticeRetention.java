package org.runonce.notification.notice;

import java.time.Instant;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.Retention;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;

/**
 * Sent notices are not kept for good (storage limitation, PIPL Art. 19: each holds the applicant's e-mail address or
 * phone number and the text about their application). Every {@code retention.interval}: a SENT e-mail or SMS notice
 * sent more than {@code retention.notices} ago and an inbox notice older than {@code retention.inbox-notices} are
 * deleted, {@code retention.batch-size} per statement (its own transaction), rows claimed with {@code SKIP LOCKED}:
 * instances running it together share the rows, neither waits for the other, none is counted twice. PENDING and
 * FAILED notices (still to be sent, or waiting for an operator's resend) are never deleted.
 */
@Component
class NoticeRetention implements Retention.Round {

    private final Notices notices;
    private final Time time;
    private final NotificationProperties.Retention settings;

    NoticeRetention(Notices notices, Time time, NotificationProperties properties) {
        this.notices = notices;
        this.time = time;
        this.settings = properties.retention();
    }

    @Override
    public String what() {
        return "sent notices";
    }

    @Override
    public int deleteExpired(int batchSize) {
        Instant now = time.now();
        return Retention.Round.untilFewerThan(
                        batchSize, () -> notices.deleteSent(false, now.minus(settings.notices()), batchSize))
                + Retention.Round.untilFewerThan(
                        batchSize, () -> notices.deleteSent(true, now.minus(settings.inboxNotices()), batchSize));
    }
}
