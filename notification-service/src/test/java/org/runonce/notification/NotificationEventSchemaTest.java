package org.runonce.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.notification.NoticeSent;
import org.runonce.contracts.notification.WebhookDeliveryDeadLettered;
import tools.jackson.databind.json.JsonMapper;

/** The events this service publishes serialize to JSON valid against their contract schemas. */
class NotificationEventSchemaTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static <T> String envelope(String type, String subject, String department, T data) {
        return JSON.writeValueAsString(
                CloudEvent.of(UUID.randomUUID().toString(), "/runonce/notification", type, Instant.now(), subject, data)
                        .inDepartment(department));
    }

    @Test
    void noticeSent() {
        String id = UUID.randomUUID().toString();
        String json = envelope(
                NoticeSent.TYPE,
                id,
                null,
                new NoticeSent(
                        id,
                        "e-1",
                        "org.runonce.intake.application.accepted.v1",
                        "A-1",
                        "accepted",
                        "EMAIL",
                        "zh-CN",
                        Instant.now()));
        assertThat(EventSchemas.violations("notification/notice-sent.v1.schema.json", json))
                .isEmpty();
        assertThat(EventSchemas.violations(
                        "notification/notice-sent.v1.schema.json", json.replace("\"EMAIL\"", "\"FAX\"")))
                .isNotEmpty();
    }

    @Test
    void webhookDeadLettered() {
        String id = UUID.randomUUID().toString();
        String json = envelope(
                WebhookDeliveryDeadLettered.TYPE,
                id,
                "SAMR",
                new WebhookDeliveryDeadLettered(
                        id,
                        UUID.randomUUID().toString(),
                        "SAMR",
                        "https://samr.example/hook",
                        "e-1",
                        "org.runonce.approval.case.decided.v1",
                        "A-1-01",
                        30,
                        null,
                        "ConnectException: refused",
                        Instant.now(),
                        Instant.now()));
        assertThat(EventSchemas.violations("notification/webhook-dead-lettered.v1.schema.json", json))
                .isEmpty();
    }
}
