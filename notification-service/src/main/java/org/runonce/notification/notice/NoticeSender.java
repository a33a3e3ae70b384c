package org.runonce.notification.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.runonce.notification.Backoff;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending e-mail and SMS notices, a batch per transaction holding the notices' row locks, so two instances
 * never send the same notice. A notice whose channel fails (mail server or SMS gateway away) is tried again with
 * exponential backoff ({@link Backoff}, {@code runonce.notification.notices.sender.retry}) for 24 hours, then FAILED:
 * listed and resent through {@link NoticeAdminController}. Gauge {@code runonce.notices} (tag {@code state}: PENDING,
 * FAILED, AWAITING_CONTACT) is refreshed after every run.
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
    private final Backoff backoff;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    NoticeSender(
            Notices notices,
            NoticeChannels channels,
            ApplicantNotices applicantNotices,
            TransactionTemplate transactions,
            Time time,
            NotificationProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.notices = notices;
        this.channels = channels;
        this.applicantNotices = applicantNotices;
        this.transactions = transactions;
        this.time = time;
        this.settings = properties.notices().sender();
        this.backoff =
                new Backoff(settings.retry(), () -> ThreadLocalRandom.current().nextDouble());
        this.meters = meters.getIfAvailable();
    }

    @Scheduled(fixedDelayString = "${runonce.notification.notices.sender.interval:2s}")
    void scheduled() {
        if (settings.enabled()) {
            sendPending();
        }
    }

    /** Sends what is due now; how many were sent. */
    public int sendPending() {
        Integer sent = transactions.execute(tx -> sendBatch(BATCH));
        refreshGauge();
        return sent == null ? 0 : sent;
    }

    /** Notices sent per transaction: one claim, one SENT update and one SMTP connection for all of them. */
    static final int BATCH = 100;

    /**
     * Claims the due notices under their row locks (another instance skips them), hands them to their channels (the
     * e-mails over one SMTP connection), then marks the delivered ones SENT in one statement and announces each
     * (issue 14: a transaction, a claim and an update per notice before). A crash before the commit sends the batch
     * again, as the same mails (their Message-IDs), as it did the one notice in flight before.
     */
    private int sendBatch(int limit) {
        List<Notice> due = notices.lockDue(time.now(), limit);
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, RuntimeException> failures = channels.deliverAll(due);
        List<Notice> delivered = new ArrayList<>();
        for (Notice notice : due) {
            RuntimeException failure = failures.get(notice.id());
            if (failure == null) {
                delivered.add(notice);
            } else {
                failed(notice, failure);
            }
        }
        var now = time.now();
        notices.sent(delivered.stream().map(Notice::id).toList(), now);
        for (Notice notice : delivered) {
            applicantNotices.announce(notice, now);
        }
        return delivered.size();
    }

    private void failed(Notice notice, RuntimeException e) {
        UUID id = notice.id();
        int attempts = notice.attempts() + 1;
        var now = time.now();
        boolean giveUp = backoff.exhausted(notices.retryFrom(id), now);
        var next = giveUp ? null : now.plus(backoff.delayAfter(attempts));
        notices.failed(id, e.getMessage(), next);
        if (giveUp) {
            log.error(
                    "Notice {} by {} FAILED after {} attempts since {}: {}; resend it through the admin API",
                    id,
                    notice.channel(),
                    attempts,
                    notices.retryFrom(id),
                    e.getMessage());
        } else {
            log.warn(
                    "Notice {} by {} failed (attempt {}), next at {}: {}",
                    id,
                    notice.channel(),
                    attempts,
                    next,
                    e.getMessage());
        }
    }

    private void refreshGauge() {
        if (meters == null) {
            return;
        }
        notices.counts()
                .forEach((state, count) -> counts.computeIfAbsent(state, s -> {
                            var value = new AtomicLong();
                            Gauge.builder("runonce.notices", value, AtomicLong::get)
                                    .description("E-mail and SMS notices by state, and events waiting for a contact")
                                    .tag("state", s)
                                    .register(meters);
                            return value;
                        })
                        .set(count));
    }
}
