package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.notification.WebhookDeliveryDeadLettered;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end on real PostgreSQL and Kafka: events consumed from the approval topic, queued per subscription
 * of their department, sent signed by the dispatcher, driven in simulated time by a {@link MovableClock}.
 */
@NotificationIT
class WebhookDeliveryIT {

    static final String SECRET = "s3cret-of-at-least-16";
    static final String CASE = "org.runonce.approval.case.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MovableClock clock;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    static RequestPostProcessor departmentSystem(String department) {
        return jwt().jwt(token ->
                        token.claim("department", department).claim("azp", department.toLowerCase() + "-system"))
                .authorities(new SimpleGrantedAuthority("ROLE_department-system"));
    }

    @Test
    void aReceiverDownForTenMinutesReceivesEveryEventInOrderPerCaseNoneTwiceAfterDeduplication() throws Exception {
        try (Receiver receiver = new Receiver(clock::instant);
                TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            String subscription = subscribe("SAMR", receiver.url(), List.of(CASE + "*"));
            String run = UUID.randomUUID().toString().substring(0, 8);

            // 3 cases of SAMR, 4 events each, interleaved; plus what SAMR must not get
            Map<String, List<String>> sentPerCase = new LinkedHashMap<>();
            List<String> steps = List.of("opened", "started", "review-started", "decided");
            receiver.down.set(true);
            for (String step : steps) {
                for (int c = 1; c <= 3; c++) {
                    String caseNumber = "A-" + run + "-0" + c;
                    var event = TestEvents.event(
                            "/runonce/approval",
                            CASE + step + ".v1",
                            caseNumber,
                            "SAMR",
                            Map.of("caseNumber", caseNumber));
                    kafka.send(Topics.APPROVAL, event);
                    sentPerCase
                            .computeIfAbsent(caseNumber, k -> new ArrayList<>())
                            .add(event.id());
                    if (c == 2 && step.equals("started")) {
                        kafka.send(Topics.APPROVAL, event); // Kafka redelivers: still one delivery
                    }
                }
            }
            kafka.send(
                    Topics.APPROVAL,
                    TestEvents.event("/runonce/approval", CASE + "opened.v1", "B-" + run, "TAX", Map.of()));
            kafka.send(
                    Topics.APPROVAL,
                    TestEvents.event(
                            "/runonce/approval",
                            "org.runonce.approval.certificate.issued.v1",
                            "C-" + run,
                            "SAMR",
                            Map.of()));

            await().atMost(Duration.ofSeconds(60)).until(() -> count(subscription, null) == 12);

            // down for 10 minutes of simulated time, one dispatcher run per simulated 20 seconds; then back, and the
            // first request after the return is processed but its acknowledgement lost (so it comes again)
            Duration elapsed = Duration.ZERO;
            while (elapsed.compareTo(Duration.ofMinutes(10)) < 0) {
                dispatcher.dispatchDue();
                clock.set(clock.instant().plus(Duration.ofSeconds(20)));
                elapsed = elapsed.plusSeconds(20);
            }
            assertThat(receiver.received).isEmpty();
            assertThat(count(subscription, "FAILED_RETRYING")).isEqualTo(3); // only each case's first event tried
            receiver.loseNextAck.set(true);
            receiver.down.set(false);
            while (count(subscription, "SUCCEEDED") < 12 && elapsed.compareTo(Duration.ofHours(2)) < 0) {
                dispatcher.dispatchDue();
                clock.set(clock.instant().plus(Duration.ofSeconds(20)));
                elapsed = elapsed.plusSeconds(20);
            }

            assertThat(count(subscription, "SUCCEEDED")).isEqualTo(12);
            assertThat(receiver.received).hasSizeGreaterThan(12); // the lost acknowledgement: one came twice
            Map<String, List<String>> receivedPerCase = new LinkedHashMap<>();
            List<String> seen = new ArrayList<>();
            for (Receiver.Received r : receiver.received) {
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                assertThat(WebhookSignatures.verify(SECRET, r.signature(), body, r.receivedAt(), 300))
                        .as("signature of %s", r.deliveryId())
                        .isTrue();
                assertThat(r.contentType()).startsWith("application/cloudevents+json");
                JsonNode event = json.readTree(body);
                assertThat(event.get("department").asString()).isEqualTo("SAMR");
                String id = event.get("id").asString();
                if (!seen.contains(id)) { // the receiver deduplicates by CloudEvent id
                    seen.add(id);
                    receivedPerCase
                            .computeIfAbsent(event.get("subject").asString(), k -> new ArrayList<>())
                            .add(id);
                }
            }
            assertThat(receivedPerCase).isEqualTo(sentPerCase);

            mvc.perform(get("/api/notifications/subscriptions/" + subscription + "/deliveries")
                            .with(departmentSystem("SAMR")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(12))
                    .andExpect(jsonPath("$[0].state").value("SUCCEEDED"))
                    .andExpect(jsonPath("$[?(@.attempts > 1)]").isNotEmpty());
        }
    }

    @Test
    void aDeliveryFailingForLongerThanTheMaximumAgeIsDeadVisibleAnnouncedAndReplayable() throws Exception {
        try (Receiver receiver = new Receiver(clock::instant);
                TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            String subscription = subscribe("PSB", receiver.url(), List.of(CASE + "decided.v1"));
            String caseNumber = "P-" + UUID.randomUUID().toString().substring(0, 8);
            var decided = TestEvents.event("/runonce/approval", CASE + "decided.v1", caseNumber, "PSB", Map.of());
            kafka.send(Topics.APPROVAL, decided);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(subscription, null) == 1);

            receiver.down.set(true);
            for (int hour = 0; hour <= 25; hour++) {
                dispatcher.dispatchDue();
                clock.set(clock.instant().plus(Duration.ofMinutes(30)));
                dispatcher.dispatchDue();
                clock.set(clock.instant().plus(Duration.ofMinutes(30)));
            }
            assertThat(count(subscription, "DEAD")).isEqualTo(1);
            assertThat(meters.get("runonce.webhook.deliveries")
                            .tag("state", "DEAD")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(1);
            String deadLog = mvc.perform(get("/api/notifications/subscriptions/" + subscription + "/deliveries")
                            .param("status", "DEAD")
                            .with(departmentSystem("PSB")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].eventId").value(decided.id()))
                    .andExpect(jsonPath("$[0].lastStatus").value(503))
                    .andExpect(jsonPath("$[0].nextAttemptAt").doesNotExist())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String deliveryId = json.readTree(deadLog).get(0).get("id").asString();

            // announced on runonce.notification.v1, valid against its schema
            String announced = awaitDeadLettered(deliveryId);
            assertThat(EventSchemas.violations("notification/webhook-dead-lettered.v1.schema.json", announced))
                    .as(announced)
                    .isEmpty();

            // the receiver is back; the department replays its dead letters
            receiver.down.set(false);
            mvc.perform(post("/api/notifications/subscriptions/" + subscription + "/redeliver")
                            .param("status", "DEAD")
                            .with(departmentSystem("PSB")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.redelivered").value(1));
            dispatcher.dispatchDue();
            assertThat(count(subscription, "SUCCEEDED")).isEqualTo(1);
            assertThat(receiver.received)
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains(decided.id()));

            // and one delivery again on request
            mvc.perform(post("/api/notifications/subscriptions/" + subscription + "/deliveries/" + deliveryId
                                    + "/redeliver")
                            .with(departmentSystem("PSB")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("PENDING"));
            dispatcher.dispatchDue();
            assertThat(receiver.received).hasSize(2);
            // another department sees none of it
            mvc.perform(post("/api/notifications/subscriptions/" + subscription + "/redeliver")
                            .with(departmentSystem("SAMR")))
                    .andExpect(status().isNotFound());
        }
    }

    private String subscribe(String department, String url, List<String> types) throws Exception {
        String body = json.writeValueAsString(Map.of("callbackUrl", url, "eventTypes", types, "secret", SECRET));
        String response = mvc.perform(post("/api/notifications/subscriptions")
                        .with(departmentSystem(department))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.department").value(department))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    private int count(String subscription, String state) {
        return jdbc.sql("select count(*) from delivery where subscription_id = cast(? as uuid)"
                        + " and (cast(? as text) is null or state = ?)")
                .params(subscription, state, state)
                .query(Integer.class)
                .single();
    }

    private String awaitDeadLettered(String deliveryId) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "notification-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.NOTIFICATION));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (deliveryId.equals(record.key())) {
                        found.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                });
                return !found.isEmpty();
            });
        }
        CloudEvent<JsonNode> event = json.readValue(
                found.getFirst(), json.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class));
        assertThat(event.type()).isEqualTo(WebhookDeliveryDeadLettered.TYPE);
        assertThat(event.department()).isEqualTo("PSB");
        return found.getFirst();
    }
}
