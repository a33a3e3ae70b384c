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
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applicants' phone numbers at rest (issue 16): the contact row holds ciphertext and a blind index, never the number;
 * a later notice from an event without a contact (approval's) still goes to the number; an operator finds the
 * applications notifying a number; numbers stored before encryption are encrypted at start.
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
        assertThat(jdbc.sql("select recipient from notice where application_number = ? and channel = 'SMS'"
                                + " and event_type <> ?")
                        .params(number, ApplicationAccepted.TYPE)
                        .query(String.class)
                        .single())
                .isEqualTo(phone);

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
                                "locale",
                                "en")));
    }
}
