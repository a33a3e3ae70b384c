package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.Notes;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The transactional outbox on real PostgreSQL and a real Kafka broker: what is published is exactly what committed,
 * and a broker outage at commit time delays events without losing them or needing a restart.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class OutboxIT {

    static final String TOPIC = "runonce.test.v1";

    @Autowired
    Notes notes;

    @Autowired
    Events events;

    @Autowired
    JdbcClient jdbc;

    TopicRecords topic() {
        return new TopicRecords(LocalInfrastructure.kafka().bootstrapServers(), TOPIC);
    }

    static boolean about(ConsumerRecord<String, byte[]> record, String subject) {
        return subject.equals(record.key());
    }

    @Test
    void aCommittedEventIsPublishedAsACloudEventKeyedBySubject() {
        var published = notes.create("committed", "hello");

        try (var topic = topic()) {
            var record = topic.awaitFirst(r -> about(r, "committed"), Duration.ofSeconds(30));

            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
            // receivers in any language read the envelope alone: no Java type headers travel with it, only the
            // CloudEvents partitioning extension in the Kafka binding's header, equal to the key, and the W3C trace
            // context of the send (tracing)
            assertThat(record.headers().toArray())
                    .extracting(Header::key)
                    .containsExactly("content-type", "ce_partitionkey", "traceparent");
            assertThat(new String(record.headers().lastHeader("ce_partitionkey").value(), StandardCharsets.UTF_8))
                    .isEqualTo("committed")
                    .isEqualTo(record.key());
            CloudEvent<JsonNode> event = events.read(record);
            assertThat(event.id()).isEqualTo(published.id());
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.source()).isEqualTo("/runonce/test");
            assertThat(event.type()).isEqualTo(Notes.CREATED);
            assertThat(event.subject()).isEqualTo("committed");
            assertThat(event.partitionkey()).isEqualTo("committed").isEqualTo(record.key());
            assertThat(event.department()).isEqualTo("SAMR");
            assertThat(event.datacontenttype()).isEqualTo("application/json");
            assertThat(event.data().get("text").asString()).isEqualTo("hello");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(published.id()));
    }

    @Test
    void theTopicCarriesTheConfiguredSettingsAndPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.kafka().bootstrapServers()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            var config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            // runonce.events.partitions: 2, where the broker's default is 1
            assertThat(admin.describeTopics(List.of(TOPIC))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(TOPIC)
                            .partitions())
                    .hasSize(2);
        }
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() {
        assertThatIllegalStateException().isThrownBy(() -> notes.createAndFail("rolled-back", "never"));
        notes.create("marker-after-rollback", "committed after the rollback");

        try (var topic = topic()) {
            topic.awaitFirst(r -> about(r, "marker-after-rollback"), Duration.ofSeconds(30));

            assertThat(topic.read()).noneMatch(r -> about(r, "rolled-back"));
        }
        assertThat(notes.exists("rolled-back")).isFalse();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like '%rolled-back%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anEventCommittedWhileKafkaIsDownArrivesOnceKafkaIsBackWithoutARestart() {
        var kafka = LocalInfrastructure.kafka();
        CloudEvent<Notes.NoteCreated> published;
        kafka.kill();
        try {
            published = notes.create("while-down", "Kafka is down");

            assertThat(notes.exists("while-down")).isTrue();
            String id = published.id();
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
        } finally {
            kafka.start();
        }

        try (var topic = topic()) {
            var record = topic.awaitFirst(r -> about(r, "while-down"), Duration.ofSeconds(60));
            assertThat(events.read(record).id()).isEqualTo(published.id());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(published.id()));
    }

    @Test
    void anEventADeadInstanceLeftInFlightIsSentByTheSurvivorWithoutARestart() {
        var published = notes.create("left-in-flight", "relayed by an instance that died");
        String id = published.id();
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(id));
        // as an instance killed between commit and the broker's acknowledgement leaves it, a minute ago
        jdbc.sql("""
                        update event_publication
                           set status = 'PUBLISHED', completion_date = null, publication_date = now() - interval '1 minute'
                         where serialized_event like ?""").param("%" + id + "%").update();

        // this instance's staleness monitor marks it FAILED after 20 s, the resubmission sends it again
        try (var topic = topic()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> topic.readFor(Duration.ofMillis(500)).stream()
                                    .filter(r -> about(r, "left-in-flight"))
                                    .count()
                            == 2);
            assertThat(topic.read().stream()
                            .filter(r -> about(r, "left-in-flight"))
                            .map(r -> events.read(r).id()))
                    .containsOnly(id);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(id));
    }

    String status(String eventId) {
        return jdbc.sql("select status from event_publication where serialized_event like ?")
                .param("%" + eventId + "%")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    boolean completed(String eventId) {
        return "COMPLETED".equals(status(eventId));
    }
}
