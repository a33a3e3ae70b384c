package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.NoteSeen;
import org.runonce.starter.app.Notes;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Consumers on a real broker: redeliveries are applied once, poison messages end in the dead-letter topic. */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class IdempotentConsumerIT {

    static final String TOPIC = "runonce.test.v1";
    static final String DEAD_LETTERS = TOPIC + RunOnceEventsAutoConfiguration.DLT_SUFFIX;

    @Autowired
    Events events;

    @Autowired
    NoteSeen consumer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    MockMvc mvc;

    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    LocalInfrastructure.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    CloudEvent<Notes.NoteCreated> note(String id, String text) {
        return CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/test",
                Notes.CREATED,
                Instant.now(),
                id,
                new Notes.NoteCreated(id, text));
    }

    void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(TOPIC, key, value));
        producer.flush();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        var event = note("twice", "delivered twice");
        byte[] json = events.write(event);

        send(event.subject(), json);
        send(event.subject(), json);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.attempts("twice") == 2);
        assertThat(consumer.applied(event.id())).isEqualTo(1);
        assertThat(jdbc.sql("select consumer from processed_event where event_id = ?")
                        .param(event.id())
                        .query(String.class)
                        .list())
                .containsExactly("test.note-seen");
    }

    @Test
    void marksOlderThanTheKeepTimeAreForgottenAndRecentOnesKept() {
        jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at)
                        values ('test.forget', 'old', now() - interval '31 days'),
                               ('test.forget', 'recent', now() - interval '29 days')""").update();

        assertThat(processed.forgetOlderThan(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select event_id from processed_event where consumer = 'test.forget'")
                        .query(String.class)
                        .list())
                .containsExactly("recent");
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicAfterTheBoundedRetries() {
        var event = note("poisoned", "poison");

        send(event.subject(), events.write(event));

        try (var deadLetters = new TopicRecords(LocalInfrastructure.kafka().bootstrapServers(), DEAD_LETTERS)) {
            var record = deadLetters.awaitFirst(r -> "poisoned".equals(r.key()), Duration.ofSeconds(30));

            assertThat(events.read(record).id()).isEqualTo(event.id());
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(header(record, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(IllegalArgumentException.class.getName());
        }
        assertThat(consumer.attempts("poisoned"))
                .as("first delivery + 2 retries")
                .isEqualTo(3);
        assertThat(consumer.applied(event.id())).as("every attempt rolled back").isZero();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithoutRetries() {
        String key = "garbage-" + UUID.randomUUID();

        send(key, "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));

        try (var deadLetters = new TopicRecords(LocalInfrastructure.kafka().bootstrapServers(), DEAD_LETTERS)) {
            var record = deadLetters.awaitFirst(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("this is not a CloudEvent");
            assertThat(header(record, "kafka_dlt-exception-cause-fqcn")).startsWith("tools.jackson.");
        }
        assertThat(consumer.attempts(key)).isEqualTo(1);
    }

    @Test
    void consumerLagIsAPrometheusMetric() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/actuator/prometheus"))
                        .andExpect(status().isOk())
                        .andExpect(content()
                                .string(Matchers.containsString("kafka_consumer_fetch_manager_records_lag_max"))));
    }

    static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
