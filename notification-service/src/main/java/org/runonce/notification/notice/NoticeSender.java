package org.runonce.notification.notice;

import java.util.UUID;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending e-mail and SMS notices. Each in its own transaction holding the notice's row lock, so two instances
 * never send the same notice; a failing channel is tried again on the next run, up to the configured attempts.
 */
@Component
class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final Notices notices;
    private final NoticeChannels channels;
    private final ApplicantNotices applicantNotices;
    private final TransactionTemplate transactions;
    private final Time time;
    private final NotificationProperties.Notices.Sender settings;

    NoticeSender(
            Notices notices,
            NoticeChannels channels,
            ApplicantNotices applicantNotices,
            TransactionTemplate transactions,
            Time time,
            NotificationProperties properties) {
        this.notices = notices;
        this.channels = channels;
        this.applicantNotices = applicantNotices;
        this.transactions = transactions;
        this.time = time;
        this.settings = properties.notices().sender();
    }

    @Scheduled(fixedDelayString = "${runonce.notification.notices.sender.interval:2s}")
    void scheduled() {
        if (settings.enabled()) {
            sendPending();
        }
    }

    /** Sends what is pending now; how many were sent. */
    public int sendPending() {
        int sent = 0;
        for (UUID id : notices.pending(100)) {
            Boolean ok = transactions.execute(tx -> send(id));
            if (Boolean.TRUE.equals(ok)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(UUID id) {
        var found = notices.lockIfPending(id);
        if (found.isEmpty()) {
            return false;
        }
        Notice notice = found.get();
        try {
            channels.deliver(notice);
        } catch (RuntimeException e) { // MailException, or whatever the SMS gateway threw
            boolean giveUp = notice.attempts() + 1 >= settings.maxAttempts();
            notices.failed(id, e.getMessage(), giveUp);
            log.warn(
                    "Notice {} by {} failed (attempt {}): {}",
                    id,
                    notice.channel(),
                    notice.attempts() + 1,
                    e.getMessage());
            return false;
        }
        var now = time.now();
        notices.sent(id, now);
        applicantNotices.announce(notice, now);
        return true;
    }
}
