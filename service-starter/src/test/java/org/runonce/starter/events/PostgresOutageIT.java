package org.runonce.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.postgres.EmbeddedPostgres;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.NoteSeen;
import org.runonce.starter.app.Notes;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped while events flow, then started again: the consumer waits for it, nothing goes to the
 * dead-letter topic, and every event is applied once, in the order of its key. The service's own PostgreSQL server
 * (the shared one cannot be stopped under the other tests), really stopped ({@code pg_ctl stop -m fast}: open
 * connections are terminated, new ones refused) and started again on the same port and data.
 */
@SpringBootTest(
        classes = StarterTestApplication.class,
        properties = {
            // its own consumer group: the shared context of the other tests listens to the same topic
            "spring.kafka.consumer.group-id=starter-test-outage",
            // fail fast while the database is away (production keeps Hikari's 30 s)
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=500"
        })
@WithLocalInfrastructure(postgres = false)
@DirtiesContext
class PostgresOutageIT {

    static final String TOPIC = "runonce.test.v1";
    static final Path DATA = LocalInfrastructure.directory().resolve("outage-postgres");
    static EmbeddedPostgres postgres = start(0);

    static EmbeddedPostgres start(int port) {
        return Postgres.embedded()
                .port(port)
                .dataDirectory(DATA)
                .persistent(true) // stop keeps the data, as a real server's restart does
                .stopOnShutdown(true)
                .start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl("outage"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
    }

    @Autowired
    Events events;

    @Autowired
    NoteSeen consumer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DefaultErrorHandler errorHandler;

    final Map<String, AtomicInteger> failedDeliveries = new ConcurrentHashMap<>();

    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    LocalInfrastructure.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    void send(String noteId, String text) {
        var event = CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/test",
                Notes.CREATED,
                Instant.now(),
                noteId,
                new Notes.NoteCreated(noteId, text));
        producer.send(new ProducerRecord<>(TOPIC, noteId, events.write(event)));
    }

    /** The most failed deliveries of one record of these keys. */
    int mostFailedDeliveries(String... keys) {
        return failedDeliveries.entrySet().stream()
                .filter(e ->
                        java.util.Arrays.stream(keys).anyMatch(key -> e.getKey().startsWith(key + "@")))
                .mapToInt(e -> e.getValue().get())
                .max()
                .orElse(0);
    }

    @Test
    void eventsConsumedWhilePostgresIsStoppedAreAppliedOnceInOrderWhenItIsBackAndNoneIsDeadLettered() {
        errorHandler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                failedDeliveries
                        .computeIfAbsent(
                                record.key() + "@" + record.partition() + "-" + record.offset(),
                                k -> new AtomicInteger())
                        .incrementAndGet();
            }
        });
        String a = "pg-a-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "pg-b-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> texts = IntStream.rangeClosed(1, 8).mapToObj(i -> "n" + i).toList();

        texts.subList(0, 3).forEach(text -> send(a, text));
        producer.flush();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> consumer.appliedTexts(a).size() == 3);

        int port = postgres.port();
        postgres.stop();
        texts.subList(3, 8).forEach(text -> {
            send(a, text);
            send(b, text);
        });
        producer.flush();
        // with PostgreSQL away, a waiting record fails again and again, well past the bounded retries (2)
        await().atMost(Duration.ofSeconds(60)).until(() -> mostFailedDeliveries(a, b) >= 6);

        postgres = start(port);

        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions() // the test's own queries while the pool reconnects
                .until(() -> consumer.appliedTexts(a).size() == 8
                        && consumer.appliedTexts(b).size() == 5);
        assertThat(consumer.appliedTexts(a)).containsExactlyElementsOf(texts);
        assertThat(consumer.appliedTexts(b)).containsExactlyElementsOf(texts.subList(3, 8));
        assertThat(jdbc.sql("select count(*) from parked_event where record_key in (?, ?)")
                        .params(a, b)
                        .query(Integer.class)
                        .single())
                .as("nothing parked")
                .isZero();
        try (var deadLetters = new TopicRecords(
                LocalInfrastructure.kafka().bootstrapServers(), TOPIC + RunOnceEventsAutoConfiguration.DLT_SUFFIX)) {
            assertThat(deadLetters.readFor(Duration.ofSeconds(2)))
                    .noneMatch(r -> a.equals(r.key()) || b.equals(r.key()));
        }
        producer.close();
    }
}
