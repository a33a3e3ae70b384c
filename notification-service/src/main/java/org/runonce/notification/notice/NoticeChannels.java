package org.runonce.notification.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runonce.notification.NotificationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
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
     * Hands the notices to their channels, the e-mails over one SMTP connection (JavaMail's batch send).
     *
     * @return the notices their channel did not take, with why (a mail server away fails every e-mail of the batch)
     */
    Map<UUID, RuntimeException> deliverAll(List<Notice> notices) {
        Map<UUID, RuntimeException> failures = new HashMap<>();
        Map<MimeMessage, Notice> mails = new LinkedHashMap<>();
        for (Notice notice : notices) {
            try {
                if (notice.channel() == Notice.Channel.EMAIL) {
                    mails.put(mailOf(notice), notice);
                } else {
                    deliver(notice);
                }
            } catch (RuntimeException e) { // whatever the SMS gateway threw, or a mail that could not be written
                failures.put(notice.id(), e);
            }
        }
        if (!mails.isEmpty()) {
            try {
                mail.send(mails.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                Map<Object, Exception> failed = e.getFailedMessages();
                mails.forEach((message, notice) -> {
                    Exception cause = failed.get(message);
                    if (cause != null) {
                        failures.put(notice.id(), new MailSendException(cause.getMessage(), cause));
                    } else if (failed.isEmpty()) {
                        failures.put(notice.id(), e);
                    }
                });
            } catch (MailException e) { // e.g. authentication: none of them went
                mails.values().forEach(notice -> failures.put(notice.id(), e));
            }
        }
        return failures;
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
