package org.runonce.localstack.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.runonce.localstack.Smtp;
import org.runonce.localstack.process.Ports;

/**
 * GreenMail's SMTP server in this JVM. Authentication is disabled: it accepts mail without login and any
 * user/password, which suits a local demo and nothing else.
 */
public final class EmbeddedSmtp implements Smtp {

    private static final System.Logger LOG = System.getLogger(EmbeddedSmtp.class.getName());
    private static final String BIND_ADDRESS = "127.0.0.1";

    private final GreenMail greenMail;
    private final Ports.Reservation reservation;
    private final int port;

    private EmbeddedSmtp(GreenMail greenMail, Ports.Reservation reservation) {
        this.greenMail = greenMail;
        this.reservation = reservation;
        this.port = reservation.port();
    }

    public static EmbeddedSmtp start(int requestedPort) {
        Ports.Reservation reservation = Ports.reserve(requestedPort, "SMTP server (GreenMail)");
        int port = reservation.port();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            reservation.close();
            throw new IllegalStateException("SMTP server (GreenMail) failed to start on port " + port, e);
        }
        LOG.log(Level.INFO, "SMTP server (GreenMail) started on {0}:{1,number,#}", BIND_ADDRESS, port);
        return new EmbeddedSmtp(greenMail, reservation);
    }

    @Override
    public String host() {
        return BIND_ADDRESS;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        if (!greenMail.waitForIncomingEmail(timeout.toMillis(), count)) {
            List<MimeMessage> received = receivedMessages();
            throw new AssertionError("Expected at least " + count + " mail(s) on SMTP port " + port + " within "
                    + timeout.toMillis() + " ms, received " + received.size() + ": " + subjects(received));
        }
        return receivedMessages();
    }

    private static String subjects(List<MimeMessage> messages) {
        return messages.stream()
                .map(message -> {
                    try {
                        return "'" + message.getSubject() + "'";
                    } catch (MessagingException e) {
                        return "(unreadable subject)";
                    }
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void deleteAllMessages() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not delete the received mails", e);
        }
    }

    @Override
    public void stop() {
        if (greenMail.isRunning()) {
            greenMail.stop();
        }
        reservation.close();
    }

    @Override
    public String toString() {
        return "SMTP server (GreenMail) on " + BIND_ADDRESS + ":" + port;
    }
}
