package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
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
import org.runonce.starter.app.Tokens;
import org.runonce.starter.app.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transient failures wait, poison records become dead letters that park their key, and an operator lists, inspects,
 * replays and discards them through the admin API; real PostgreSQL and Kafka.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class DeadLettersIT {

    static final String TOPIC = "runonce.test.v1";
    static final String DEAD_LETTERS = TOPIC + RunOnceEventsAutoConfiguration.DLT_SUFFIX;
    static final String ADMIN = "/api/test/admin/parked-events";

    @Autowired
    Events events;

    @Autowired
    NoteSeen consumer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

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

    void send(String noteId, String text) {
        var event = CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/test",
                Notes.CREATED,
                Instant.now(),
                noteId,
                new Notes.NoteCreated(noteId, text));
        producer.send(new ProducerRecord<>(TOPIC, noteId, events.write(event)));
        producer.flush();
    }

    static String operator() {
        return Tokens.bearer(Tokens.user("ops.li", null, "operator"));
    }

    List<Map<String, Object>> parked(String key) {
        return jdbc.sql("select kind, state, id from parked_event where record_key = ? order by seq")
                .param(key)
                .query()
                .listOfRows();
    }

    @Test
    void aRecordFailingBecauseTheDatabaseIsAwayIsRetriedUntilItIsBackAndNeverDeadLettered() {
        String key = "flaky-" + UUID.randomUUID().toString().substring(0, 8);
        consumer.failTransiently(key, 6); // twice the bounded retries (2) and more

        send(key, "one");
        send(key, "two");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.appliedTexts(key).size() == 2);
        assertThat(consumer.appliedTexts(key)).containsExactly("one", "two");
        assertThat(consumer.attempts(key))
                .as("first delivery + 6 failed ones + the second record")
                .isEqualTo(8);
        assertThat(parked(key)).isEmpty();
        try (var deadLetters = new TopicRecords(LocalInfrastructure.kafka().bootstrapServers(), DEAD_LETTERS)) {
            assertThat(deadLetters.readFor(Duration.ofSeconds(2))).noneMatch(r -> key.equals(r.key()));
        }
    }

    @Test
    void aDeadLetterParksTheLaterEventsOfItsKeyUntilAnOperatorReplaysItThenAllAreAppliedInOrder() throws Exception {
        String key = "park-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "free-" + UUID.randomUUID().toString().substring(0, 8);

        send(key, "poison"); // a bug: dead letter after the bounded retries
        send(key, "second");
        send(other, "unrelated");
        send(key, "third");

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(key).size() == 3);
        assertThat(parked(key)).extracting(row -> row.get("kind")).containsExactly("DEAD_LETTER", "WAITING", "WAITING");
        assertThat(consumer.appliedTexts(key))
                .as("nothing of the key applied out of order")
                .isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.appliedTexts(other).size() == 1);
        try (var deadLetters = new TopicRecords(LocalInfrastructure.kafka().bootstrapServers(), DEAD_LETTERS)) {
            deadLetters.awaitFirst(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(deadLetters.readFor(Duration.ofSeconds(1)).stream().filter(r -> key.equals(r.key())))
                    .as("only the dead letter is copied to the topic, not the records waiting behind it")
                    .hasSize(1);
        }

        // visible: metric and alert input, and the admin API for the operator role only
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "runonce_events_dead_letters_total{group=\"starter-test\",topic=\"" + DEAD_LETTERS
                                        + "\"}")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "runonce_events_parked{group=\"starter-test\",kind=\"WAITING\",topic=\"" + TOPIC
                                        + "\"}")));
        mvc.perform(get(ADMIN)).andExpect(status().isUnauthorized());
        mvc.perform(get(ADMIN).header("Authorization", Tokens.bearer(Tokens.user("li.reviewer", "SAMR", "reviewer"))))
                .andExpect(status().isForbidden());
        String deadLetter = parked(key).getFirst().get("id").toString();
        mvc.perform(get(ADMIN).header("Authorization", operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == '" + key + "')].kind")
                        .value(Matchers.contains("DEAD_LETTER", "WAITING", "WAITING")));
        mvc.perform(get(ADMIN + "/" + deadLetter).header("Authorization", operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.error").value(Matchers.containsString("IllegalArgumentException")))
                .andExpect(jsonPath("$.record.group").value("starter-test"))
                .andExpect(jsonPath("$.value").value(Matchers.containsString("\"text\":\"poison\"")));

        consumer.cure(key); // the bug is fixed
        mvc.perform(post(ADMIN + "/" + deadLetter + "/replay").header("Authorization", operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed.length()").value(3));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.appliedTexts(key).size() == 3);
        assertThat(consumer.appliedTexts(key)).containsExactly("poison", "second", "third");
        assertThat(parked(key)).extracting(row -> row.get("state")).containsOnly("APPLIED");

        send(key, "fourth"); // the key flows again
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.appliedTexts(key).size() == 4);
        assertThat(consumer.appliedTexts(key)).containsExactly("poison", "second", "third", "fourth");
        assertThat(parked(key)).hasSize(3);
    }

    @Test
    void aRefusedRecordIsADeadLetterAtOnceAndOnceDiscardedTheRecordsBehindItAreReplayed() throws Exception {
        String key = "refuse-" + UUID.randomUUID().toString().substring(0, 8);

        send(key, "refused");
        send(key, "after");

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(key).size() == 2);
        assertThat(consumer.attempts(key))
                .as("no retries for a refusal: one delivery each")
                .isEqualTo(2);
        String refused = parked(key).get(0).get("id").toString();
        String after = parked(key).get(1).get("id").toString();

        mvc.perform(post(ADMIN + "/" + after + "/replay").header("Authorization", operator()))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.attempts(key) >= 3);
        assertThat(consumer.appliedTexts(key))
                .as("still behind the refused one, which failed again")
                .isEmpty();
        assertThat(parked(key)).extracting(row -> row.get("state")).containsExactly("PARKED", "PARKED");

        mvc.perform(post(ADMIN + "/" + refused + "/discard").header("Authorization", operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISCARDED"))
                .andExpect(jsonPath("$.resolvedBy").value("ops.li"));
        mvc.perform(post(ADMIN + "/" + after + "/replay").header("Authorization", operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed.length()").value(1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.appliedTexts(key).size() == 1);
        assertThat(consumer.appliedTexts(key)).containsExactly("after");
        assertThat(parked(key)).extracting(row -> row.get("state")).containsExactly("DISCARDED", "APPLIED");
    }

    @Test
    void deadLetterTopicsKeepRecordsThirtyDaysWithTheReplicationOfTheirTopic() throws Exception {
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.kafka().bootstrapServers()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.describeConfigs(List.of(resource))
                                    .all()
                                    .get()
                                    .get(resource)
                                    .get("retention.ms")
                                    .value())
                            .isEqualTo(Long.toString(Duration.ofDays(30).toMillis())));
            var topics = admin.describeTopics(List.of(TOPIC, DEAD_LETTERS))
                    .allTopicNames()
                    .get();
            assertThat(topics.get(DEAD_LETTERS).partitions().getFirst().replicas())
                    .hasSameSizeAs(topics.get(TOPIC).partitions().getFirst().replicas());
        }
    }
}
