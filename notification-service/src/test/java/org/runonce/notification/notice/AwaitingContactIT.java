package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseDecided;
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
 * The approval topic overtakes the intake topic: a decision about an application whose applicant's contact is not
 * known yet is kept (encrypted), visible to operators, and notified once the contact arrives; real Kafka and
 * PostgreSQL.
 */
@NotificationIT
class AwaitingContactIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aDecisionBeforeTheContactIsKeptAndNotifiedWhenTheContactArrives() throws Exception {
        String number = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String subject = UUID.randomUUID().toString();
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.APPROVAL, TestEvents.samrApproved(number));

            await().atMost(Duration.ofSeconds(60)).until(() -> awaiting(number) == 1);
            // kept encrypted (it may hold the applicant): not even the application number shows
            assertThat(jdbc.sql("select event from notice_awaiting_contact where application_number = ?")
                            .param(number)
                            .query(String.class)
                            .single())
                    .startsWith("pd1:")
                    .doesNotContain(number);
            assertThat(notices(number)).isZero();
            mvc.perform(get("/api/notifications/admin/notices/awaiting-contact")
                            .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_operator"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.applicationNumber == '" + number + "')].eventType")
                            .value(Matchers.contains(CaseDecided.TYPE)));
            mvc.perform(get("/api/notifications/admin/notices/awaiting-contact")
                            .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_applicant"))))
                    .andExpect(status().isForbidden());

            kafka.send(Topics.INTAKE, accepted(number, subject));

            // acceptance and decision, each by e-mail and in the inbox
            await().atMost(Duration.ofSeconds(60)).until(() -> notices(number) == 4);
        }
        assertThat(awaiting(number)).isZero();
        assertThat(jdbc.sql("select template from notice where application_number = ? and channel = 'EMAIL'")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("accepted", "decided-approved");
    }

    private int notices(String number) {
        return jdbc.sql("select count(*) from notice where application_number = ?")
                .param(number)
                .query(Integer.class)
                .single();
    }

    private int awaiting(String number) {
        return jdbc.sql("select count(*) from notice_awaiting_contact where application_number = ?")
                .param(number)
                .query(Integer.class)
                .single();
    }

    static org.runonce.contracts.CloudEvent<?> accepted(String number, String subject) {
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
                        "missingMaterials",
                        List.of(),
                        "applicant",
                        subject == null
                                ? Map.of("name", "Han Meimei", "email", email(number), "locale", "en")
                                : Map.of(
                                        "subject",
                                        subject,
                                        "name",
                                        "Han Meimei",
                                        "email",
                                        email(number),
                                        "locale",
                                        "en")));
    }

    static String email(String number) {
        return "han-" + number.toLowerCase() + "@example.com";
    }
}
