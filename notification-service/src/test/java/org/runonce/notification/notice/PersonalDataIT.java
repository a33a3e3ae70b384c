package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.Topics;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applicants' phone numbers at rest (issue 16): the contact row holds ciphertext and a blind index, never the number;
 * a later notice from an event without a contact (approval's) still goes to the number; every notice's recipient is
 * ciphertext while mail and SMS still reach it; an operator finds the applications notifying a number; numbers,
 * recipients and events awaiting a contact stored before encryption are read as they are and encrypted at start.
 */
@NotificationIT
class PersonalDataIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Notices notices;

    @Autowired
    NoticeSender sender;

    @Autowired
    PersonalDataCipher cipher;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void theContactRowHoldsNoPhoneNumberWhileSmsStillGoesToItAndAnOperatorFindsItsApplications() throws Exception {
        String number = "P-2026-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "139" + String.format("%08d", Math.floorMod(number.hashCode(), 100_000_000));
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.INTAKE, accepted(number, phone));
            await().atMost(Duration.ofSeconds(60)).until(() -> contactRows(number) == 1);
            // approval's event carries no contact: its SMS goes to the stored (encrypted) number
            kafka.send(Topics.APPROVAL, TestEvents.samrApproved(number));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select count(*) from notice where application_number = ?"
                                            + " and channel = 'SMS' and event_type <> ?")
                                    .params(number, ApplicationAccepted.TYPE)
                                    .query(Integer.class)
                                    .single()
                            == 1);
        }
        String stored = jdbc.sql("select phone from applicant_contact where application_number = ?")
                .param(number)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("pd1:local-demo-notification:").doesNotContain(phone);
        // every notice's recipient is ciphertext; approval's SMS still goes to the number
        String recipient = jdbc.sql("select recipient from notice where application_number = ? and channel = 'SMS'"
                        + " and event_type <> ?")
                .params(number, ApplicationAccepted.TYPE)
                .query(String.class)
                .single();
        assertThat(recipient).startsWith("pd1:local-demo-notification:").doesNotContain(phone);
        assertThat(cipher.decrypt(recipient)).isEqualTo(phone);
        assertThat(jdbc.sql("select recipient from notice where application_number = ? and channel <> 'INBOX'")
                        .param(number)
                        .query(String.class)
                        .list())
                .hasSize(4) // e-mail and SMS of the acceptance and of the decision
                .allSatisfy(value -> assertThat(value)
                        .startsWith("pd1:")
                        .doesNotContain(phone)
                        .doesNotContain(email(number))
                        .doesNotContain("@"));
        // and the e-mails go to the address
        sender.sendPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email(number)) == 2);

        assertThat(notifying(phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7)))
                .contains(number);
        assertThat(notifying("13000000001")).doesNotContain(number);
    }

    @Test
    void phoneNumbersStoredBeforeEncryptionAreEncryptedAtStart() throws Exception {
        String number = "P-2026-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "137" + String.format("%08d", Math.floorMod(number.hashCode(), 100_000_000));
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.INTAKE, accepted(number, phone));
            await().atMost(Duration.ofSeconds(60)).until(() -> contactRows(number) == 1);
        }
        // as the row looked before V6
        jdbc.sql("update applicant_contact set phone = ?, phone_index = null where application_number = ?")
                .params(phone, number)
                .update();
        assertThat(notifying(phone)).doesNotContain(number);

        notices.encryptPlaintextPhones();

        assertThat(jdbc.sql("select phone from applicant_contact where application_number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .startsWith("pd1:")
                .doesNotContain(phone);
        assertThat(notifying(phone)).contains(number);
        assertThat(notices.contactOf(number).orElseThrow().phone()).isEqualTo(phone);
    }

    @Test
    void recipientsAndEventsAwaitingAContactStoredBeforeEncryptionAreReadAndEncryptedAtStart() throws Exception {
        String number = "P-2026-" + UUID.randomUUID().toString().substring(0, 8);
        String email = email(number);
        UUID id = UUID.randomUUID();
        String event = "{\"id\":\"" + UUID.randomUUID() + "\",\"data\":{\"applicationNumber\":\"" + number
                + "\",\"applicant\":{\"idNumber\":\"330106199001011234\",\"phone\":\"13912345678\"}}}";
        String earlier = event.replace(number, number + "-0");
        // as rows looked before V7: a pending e-mail, two events awaiting a contact, all in plaintext
        jdbc.sql("""
                        insert into notice (id, event_id, event_type, channel, template, application_number,
                            recipient, locale, title, body, state, created_at, retry_from)
                        values (?, ?, ?, 'EMAIL', 'accepted', ?, ?, 'en', ?, 'body', 'PENDING', now(), now())""")
                .params(id, UUID.randomUUID().toString(), ApplicationAccepted.TYPE, number, email, "Before " + number)
                .update();
        for (var awaiting : Map.of(number + "-0", earlier, number, event).entrySet()) {
            jdbc.sql("""
                            insert into notice_awaiting_contact (event_id, event_type, application_number, event,
                                received_at)
                            values (?, ?, ?, ?, now())""")
                    .params(
                            UUID.randomUUID().toString(),
                            ApplicationAccepted.TYPE,
                            awaiting.getKey(),
                            awaiting.getValue())
                    .update();
        }
        // read as they are meanwhile
        assertThat(notices.takeAwaitingContact(number + "-0")).containsExactly(earlier);

        notices.encryptPlaintextRecipientsAndEvents();

        assertThat(jdbc.sql("select recipient from notice where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("pd1:")
                .doesNotContain(email);
        assertThat(jdbc.sql("select event from notice_awaiting_contact where application_number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .startsWith("pd1:")
                .doesNotContain("330106199001011234")
                .doesNotContain("13912345678")
                .doesNotContain(number);
        assertThat(notices.takeAwaitingContact(number)).containsExactly(event);
        sender.sendPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email) == 1);
    }

    private static String email(String number) {
        return "han-" + number.toLowerCase() + "@example.com";
    }

    private static long mailsTo(String address) {
        return LocalInfrastructure.smtp().receivedMessages().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    private String notifying(String phone) throws Exception {
        String body = mvc.perform(get("/api/notifications/admin/notices/contacts")
                        .param("phone", phone)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("applicationNumbers").toString();
    }

    private int contactRows(String number) {
        return jdbc.sql("select count(*) from applicant_contact where application_number = ?")
                .param(number)
                .query(Integer.class)
                .single();
    }

    private static org.runonce.contracts.CloudEvent<?> accepted(String number, String phone) {
        return TestEvents.event(
                "/runonce/intake",
                ApplicationAccepted.TYPE,
                number,
                null,
                Map.of(
                        "applicationNumber",
                        number,
                        "acceptedAt",
                        "2026-11-20T02:00:00Z",
                        "promisedCompletionDate",
                        "2026-12-04",
                        "withDeficiencies",
                        false,
                        "applicant",
                        Map.of(
                                "subject",
                                UUID.randomUUID().toString(),
                                "name",
                                "Han Mei",
                                "phone",
                                phone,
                                "email",
                                email(number),
                                "locale",
                                "en")));
    }
}
