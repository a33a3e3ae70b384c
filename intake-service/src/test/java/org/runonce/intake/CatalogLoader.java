package org.runonce.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds intake's catalog copy the way production does: publishes the demo catalog's events to
 * {@code runonce.catalog.v1} (once per test JVM, with stable event ids) and waits until intake's consumer applied
 * them. Items a test adds itself are named {@code it-...} and not counted.
 */
public final class CatalogLoader {

    private static volatile boolean published;

    private CatalogLoader() {}

    public static synchronized void ensureLoaded(String bootstrapServers, JdbcClient jdbc) {
        if (!published) {
            LocalInfrastructure.kafka().createTopic(Topics.CATALOG, 1);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (int i = 0; i < DemoCatalog.events().size(); i++) {
                    DemoCatalog.Event event = DemoCatalog.events().get(i);
                    CloudEvent<?> envelope = CloudEvent.of(
                                    "demo-catalog-event-" + i,
                                    "/runonce/catalog",
                                    event.type(),
                                    Instant.parse("2026-01-01T00:00:00Z"),
                                    event.subject(),
                                    event.data())
                            .inDepartment(event.department());
                    var record = new ProducerRecord<>(
                            Topics.CATALOG, event.subject(), DemoCatalog.JSON.writeValueAsBytes(envelope));
                    record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
                    sent.add(producer.send(record));
                }
                producer.flush();
                for (var future : sent) {
                    future.get(30, TimeUnit.SECONDS); // fail loudly rather than wait for a copy that cannot come
                }
            } catch (Exception e) {
                throw new IllegalStateException("the demo catalog could not be published", e);
            }
            published = true;
        }
        long items = DemoCatalog.events().stream()
                .filter(e -> e.type().endsWith("item-version.published.v1"))
                .count();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String counts = jdbc.sql("""
                            select (select count(*) from catalog_item_version where item_code not like 'it-%') || ' items, '
                                || (select count(*) from catalog_bundle) || ' bundles, '
                                || (select count(*) from catalog_calendar) || ' calendars, '
                                || (select count(*) from catalog_department) || ' departments, '
                                || (select count(*) from catalog_cross_region_list) || ' cross-region lists'""").query(String.class).single();
            assertThat(counts)
                    .isEqualTo(items + " items, 3 bundles, 4 calendars, 10 departments, 3 cross-region lists");
        });
    }
}
