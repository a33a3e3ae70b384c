package org.runonce.notification.notice;

import java.time.Instant;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
class NoticeRetention {

    private static final Logger log = LoggerFactory.getLogger(NoticeRetention.class);

    private final Notices notices;
    private final Time time;
    private final NotificationProperties.Retention settings;

    NoticeRetention(Notices notices, Time time, NotificationProperties properties) {
        this.notices = notices;
        this.time = time;
        this.settings = properties.retention();
    }

    @Scheduled(
            fixedDelayString = "${runonce.notification.retention.interval:1h}",
            initialDelayString = "${runonce.notification.retention.interval:1h}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int deleted = deleteExpired(settings.batchSize());
            if (deleted > 0) {
                log.info("Retention: deleted {} sent notices", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Retention of notices failed, the next run tries again: {}", e.toString());
        }
    }

    /** Deletes every sent notice past its retention, {@code batchSize} per statement; how many. */
    int deleteExpired(int batchSize) {
        Instant now = time.now();
        return untilFewerThan(batchSize, false, now.minus(settings.notices()))
                + untilFewerThan(batchSize, true, now.minus(settings.inboxNotices()));
    }

    /** Batch after batch while they come back full; the total. */
    private int untilFewerThan(int batchSize, boolean inbox, Instant before) {
        int total = 0;
        int done;
        do {
            done = notices.deleteSent(inbox, before, batchSize);
            total += done;
        } while (done == batchSize);
        return total;
    }
}
