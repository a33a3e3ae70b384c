package org.runonce.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing goes through the outbox to Kafka: the record on {@code runonce.catalog.v1} is keyed by the item code and
 * validates against the contract's schema. Real PostgreSQL and Kafka from the local stack.
 */
@SpringBootTest
@WithLocalInfrastructure
class CatalogEventsIT {

    @Autowired
    ItemService items;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aPublishedVersionArrivesOnKafkaAndMatchesItsSchema() {
        // the demo guide of the company licence, published again under a new code
        GuideContent content = items.inForce("samr-food-business-licence", today())
                .orElseThrow()
                .content();
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        items.create(code, content);
        ItemVersion published = items.publish(code, 1, today(), null, current -> {});

        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (code.equals(record.key())) {
                        received.add(record);
                    }
                });
                return !received.isEmpty();
            });
        }

        ConsumerRecord<String, byte[]> record = received.getFirst();
        String body = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event = json.readTree(body);
        assertThat(event.get("type").asString()).isEqualTo(ItemVersionPublished.TYPE);
        assertThat(event.get("subject").asString()).isEqualTo(code);
        assertThat(event.get("department").asString()).isEqualTo("SAMR");
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(ItemVersionPublished.TYPE), body))
                .as(body)
                .isEmpty();

        ItemVersionPublished data = json.treeToValue(event.get("data"), ItemVersionPublished.class);
        assertThat(data.version()).isEqualTo(published.number());
        assertThat(data.timeLimits().promisedWorkingDays()).isEqualTo(5);
        assertThat(data.steps())
                .anySatisfy(step -> assertThat(step.specialProcedures()).containsExactly("SITE_INSPECTION"));
        assertThat(data.materials())
                .anySatisfy(material ->
                        assertThat(material.satisfiedByCertificateOf()).isEqualTo("samr-company-registration"));
        assertThat(data.result().certificateType()).isEqualTo("FOOD_BUSINESS_LICENCE");
    }

    @Test
    void theDemoCatalogWasAnnouncedToo() {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    String body = new String(record.value(), StandardCharsets.UTF_8);
                    String type = json.readTree(body).get("type").asString();
                    assertThat(EventSchemas.violations(EventSchemas.schemaOf(type), body))
                            .as(body)
                            .isEmpty();
                    types.add(type);
                });
                return types.contains("org.runonce.catalog.bundle.published.v1")
                        && types.contains("org.runonce.catalog.calendar.published.v1")
                        && types.contains("org.runonce.catalog.department.changed.v1");
            });
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "catalog-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
