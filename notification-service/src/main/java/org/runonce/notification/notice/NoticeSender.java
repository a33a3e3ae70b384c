package org.runonce.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending e-mail and SMS notices. Each in its own transaction holding the notice's row lock, so two instances
 * never send the same notice; a failing channel is tried again on the next run, up to the configured attempts.
 */
@Component
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final Notices notices;
    private final JavaMailSender mail;
    private final SmsProvider sms;
    private final ApplicantNotices applicantNotices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NoticeProperties properties;

    NoticeSender(
            Notices notices,
            JavaMailSender mail,
            SmsProvider sms,
            ApplicantNotices applicantNotices,
            TransactionTemplate transactions,
            Clock clock,
            NoticeProperties properties) {
        this.notices = notices;
        this.mail = mail;
        this.sms = sms;
        this.applicantNotices = applicantNotices;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${runonce.notification.notices.sender.interval:2s}")
    void scheduled() {
        if (properties.sender().enabled()) {
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
            switch (notice.channel()) {
                case EMAIL ->
                    mail.send(message -> {
                        var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                        helper.setFrom(properties.mailFrom());
                        helper.setTo(notice.recipient());
                        helper.setSubject(notice.title());
                        helper.setText(notice.body());
                    });
                case SMS -> sms.send(notice.recipient(), notice.body());
                case INBOX -> {}
            }
        } catch (RuntimeException e) { // MailException, or whatever the SMS gateway threw
            boolean giveUp = notice.attempts() + 1 >= properties.sender().maxAttempts();
            notices.failed(id, e.getMessage(), giveUp);
            log.warn(
                    "Notice {} by {} failed (attempt {}): {}",
                    id,
                    notice.channel(),
                    notice.attempts() + 1,
                    e.getMessage());
            return false;
        }
        var now = clock.instant();
        notices.sent(id, now);
        applicantNotices.announce(notice, now);
        return true;
    }
}
