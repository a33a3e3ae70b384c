package org.runonce.localstack;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.runonce.localstack.smtp.EmbeddedSmtp;

/**
 * A local SMTP server that keeps every mail it receives, for the notification service and its tests. Plain SMTP on
 * localhost, no TLS; it accepts any login or none (local demo setting only).
 */
public interface Smtp extends AutoCloseable {

    /** Host name clients connect to ({@code spring.mail.host}). */
    String host();

    /** Port clients connect to ({@code spring.mail.port}). */
    int port();

    /** Every mail received so far, oldest first. */
    List<MimeMessage> receivedMessages();

    /**
     * Waits until at least {@code count} mails have been received in total and returns all received mails.
     *
     * @throws AssertionError when fewer arrive within {@code timeout}
     */
    List<MimeMessage> awaitMessages(int count, Duration timeout);

    /** Forgets every received mail, e.g. between tests. */
    void deleteAllMessages();

    /** Stops the server. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** Starts GreenMail's SMTP server in this JVM on {@code port} of localhost; 0 picks a free port. */
    static Smtp embedded(int port) {
        return EmbeddedSmtp.start(port);
    }
}
