package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.Smtp;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.events.Events;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail server away for hours, then back: pending notices are retried with backoff and each is sent once when it
 * is back; one away for more than a day leaves its notices FAILED, listed and resent by an operator. Its own SMTP
 * server (GreenMail, really stopped and started again on the same port) and its own database, and no Kafka
 * consumers: notices are created from events directly. Hours pass on the {@link MovableClock}.
 */
@NotificationIT
@TestPropertySource(
        properties = {
            "spring.mail.port=${runonce.test.outage-smtp-port}",
            "runonce.test.database=notification_smtp_outage",
            "spring.kafka.listener.auto-startup=false"
        })
class SmtpOutageIT {

    static Smtp smtp = startSmtp(0);

    static Smtp startSmtp(int port) {
        var server = Smtp.embedded(port);
        System.setProperty("runonce.test.outage-smtp-port", Integer.toString(server.port()));
        return server;
    }

    @Autowired
    ApplicantNotices applicantNotices;

    @Autowired
    NoticeSender sender;

    @Autowired
    MovableClock clock;

    @Autowired
    Events events;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    NotificationProperties properties;

    @BeforeEach
    void smtpUp() {
        if (!running()) {
            smtp = startSmtp(smtp.port());
        }
    }

    @AfterEach
    void smtpUpAgain() {
        smtpUp();
    }

    boolean running() {
        try (var socket = new java.net.Socket(smtp.host(), smtp.port())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static RequestPostProcessor role(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** An accepted application of an applicant with e-mail only and no account: one e-mail notice. */
    String accepted() {
        String number = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        var event = AwaitingContactIT.accepted(number, null);
        // through the JSON the listener reads
        applicantNotices.handle(events.read(json.writeValueAsBytes(event), JsonNode.class));
        return number;
    }

    String state(String number) {
        return jdbc.sql("select state from notice where application_number = ? and channel = 'EMAIL'")
                .param(number)
                .query(String.class)
                .single();
    }

    List<MimeMessage> mailsTo(String number) {
        return smtp.receivedMessages().stream()
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .map(Address::toString)
                                .anyMatch(a -> a.contains(number.toLowerCase()));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The sender's schedule over {@code period}, one run per {@code step} of the clock. */
    void runSenderFor(Duration period, Duration step) {
        for (Duration passed = Duration.ZERO; passed.compareTo(period) < 0; passed = passed.plus(step)) {
            clock.set(clock.instant().plus(step));
            sender.sendPending();
        }
    }

    @Test
    void mailServerAwayForTwoHoursThenBackEveryNoticeIsSentOnce() {
        smtp.stop();
        List<String> numbers = List.of(accepted(), accepted(), accepted());

        runSenderFor(Duration.ofHours(2), Duration.ofMinutes(1)); // 120 runs while it is away
        assertThat(numbers).allSatisfy(n -> assertThat(state(n)).isEqualTo("PENDING"));
        int attempts = jdbc.sql("select max(attempts) from notice where application_number = ?")
                .param(numbers.getFirst())
                .query(Integer.class)
                .single();
        assertThat(attempts).as("backoff: far fewer attempts than runs").isBetween(4, 12);

        smtp = startSmtp(smtp.port());
        // the longest a notice may wait for its next attempt: the capped interval with the jitter added
        var retry = properties.notices().sender().retry();
        var longestWait = Duration.ofMillis(Math.round(retry.maxInterval().toMillis() * (1 + retry.jitter())));
        runSenderFor(longestWait.plusMinutes(1), Duration.ofMinutes(1));

        assertThat(numbers).allSatisfy(n -> {
            assertThat(state(n)).isEqualTo("SENT");
            assertThat(mailsTo(n)).hasSize(1);
        });
    }

    @Test
    void mailServerAwayForMoreThanADayLeavesTheNoticeFailedListedAndResentByAnOperator() throws Exception {
        smtp.stop();
        String number = accepted();

        runSenderFor(Duration.ofHours(23), Duration.ofMinutes(10));
        assertThat(state(number)).as("still retried within the day").isEqualTo("PENDING");
        runSenderFor(Duration.ofHours(2), Duration.ofMinutes(10));
        assertThat(state(number)).isEqualTo("FAILED");
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content().string(Matchers.containsString("runonce_notices{state=\"FAILED\"}")));

        mvc.perform(get("/api/notifications/admin/notices").with(role("applicant")))
                .andExpect(status().isForbidden());
        String id = json.readTree(
                        mvc.perform(get("/api/notifications/admin/notices").with(role("operator")))
                                .andExpect(status().isOk())
                                .andExpect(jsonPath("$[?(@.applicationNumber == '" + number + "')].lastError")
                                        .value(Matchers.contains(Matchers.containsString("onnect"))))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .valueStream()
                .filter(n -> number.equals(n.get("applicationNumber").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        smtp = startSmtp(smtp.port());
        mvc.perform(post("/api/notifications/admin/notices/" + id + "/resend").with(role("operator")))
                .andExpect(status().isOk());
        sender.sendPending();

        assertThat(state(number)).isEqualTo("SENT");
        assertThat(mailsTo(number)).hasSize(1);
        mvc.perform(post("/api/notifications/admin/notices/" + id + "/resend").with(role("operator")))
                .andExpect(status().isConflict());
    }
}
