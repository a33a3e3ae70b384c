package org.runonce.notification.notice;

import java.nio.charset.StandardCharsets;
import org.runonce.notification.NotificationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** How a notice leaves the platform: an e-mail over SMTP, a text through the SMS provider; the inbox needs nothing. */
@Component
class NoticeChannels {

    private final JavaMailSender mail;
    private final SmsProvider sms;
    private final String mailFrom;

    NoticeChannels(JavaMailSender mail, SmsProvider sms, NotificationProperties properties) {
        this.mail = mail;
        this.sms = sms;
        this.mailFrom = properties.notices().mailFrom();
    }

    /**
     * Hands the notice to its channel.
     *
     * @throws RuntimeException when the channel did not take it (MailException, or whatever the SMS gateway threw)
     */
    void deliver(Notice notice) {
        switch (notice.channel()) {
            case EMAIL ->
                mail.send(message -> {
                    var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                    helper.setFrom(mailFrom);
                    helper.setTo(notice.recipient());
                    helper.setSubject(notice.title());
                    helper.setText(notice.body());
                });
            case SMS -> sms.send(notice.recipient(), notice.body());
            case INBOX -> {}
        }
    }
}
