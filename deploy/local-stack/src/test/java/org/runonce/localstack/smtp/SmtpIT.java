package org.runonce.localstack.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.Smtp;

/** Sends mail over SMTP to the embedded GreenMail server and reads it back. */
public class SmtpIT {

    @Test
    void receivesMailSentOverPlainSmtp() throws Exception {
        try (Smtp smtp = Smtp.embedded(0)) {
            send(smtp, "applicant@example.org", "您的申请已受理", "Application 2026-0001 was accepted.");

            List<MimeMessage> received = smtp.awaitMessages(1, Duration.ofSeconds(10));

            assertThat(received).hasSize(1);
            MimeMessage mail = received.getFirst();
            assertThat(mail.getSubject()).isEqualTo("您的申请已受理");
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("applicant@example.org");
            assertThat(((String) mail.getContent()).strip()).isEqualTo("Application 2026-0001 was accepted.");

            smtp.deleteAllMessages();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }

    @Test
    void waitingForMoreMailThanArrivesFailsWithWhatCame() throws Exception {
        try (Smtp smtp = Smtp.embedded(0)) {
            send(smtp, "reviewer@example.org", "One", "only one");

            assertThatThrownBy(() -> smtp.awaitMessages(2, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected at least 2 mail(s)")
                    .hasMessageContaining("received 1: ['One']");
        }
    }

    private static void send(Smtp smtp, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@runonce.example"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }
}
