package org.runonce.notification.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.runonce.notification.NotificationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** How a notice leaves the platform: an e-mail over SMTP, a text through the SMS provider; the inbox needs nothing. */
@Component
class NoticeChannels {

    private final JavaMailSenderImpl mail;
    private final SmsProvider sms;
    private final String mailFrom;

    NoticeChannels(JavaMailSenderImpl mail, SmsProvider sms, NotificationProperties properties) {
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
            case EMAIL -> mail.send(mailOf(notice));
            case SMS -> sms.send(notice.recipient(), notice.body());
            case INBOX -> {}
        }
    }

    /**
     * The notice as a mail whose {@code Message-ID} is the notice's own: SMTP has no transactions, so a mail the
     * server took just before the sender crashed (or before its SENT mark was written) goes again, as the same
     * message, which mail systems and clients recognise as a copy.
     */
    private MimeMessage mailOf(Notice notice) {
        try {
            MimeMessage message = new NoticeMail(mail.getSession(), "<" + notice.id() + "@notices.runonce.org>");
            var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(mailFrom);
            helper.setTo(notice.recipient());
            helper.setSubject(notice.title());
            helper.setText(notice.body());
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }

    /** A mail keeping the Message-ID it was given (JavaMail makes a new one whenever a message is saved). */
    private static final class NoticeMail extends MimeMessage {

        private final String messageId;

        NoticeMail(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
