package org.runonce.approval;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.runonce.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code runonce.approval.v1} from the beginning, as a new consumer group, collecting what it saw. */
public final class ApprovalTopic implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One record.
     *
     * @param key the record key
     * @param body the CloudEvent JSON
     * @param event the parsed envelope
     */
    public record Received(String key, String body, JsonNode event) {
        public String type() {
            return event.get("type").asString();
        }

        public String subject() {
            return event.get("subject").asString();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> seen = new ArrayList<>();

    public ApprovalTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "approval-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.APPROVAL));
    }

    /** Polls until the records seen so far (matching {@code filter}) satisfy {@code done}; returns those. */
    public List<Received> awaitRecords(Predicate<Received> filter, Predicate<List<Received>> done, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                String body = new String(r.value(), StandardCharsets.UTF_8);
                seen.add(new Received(r.key(), body, JSON.readTree(body)));
            });
            return done.test(matching(filter));
        });
        return matching(filter);
    }

    public List<Received> matching(Predicate<Received> filter) {
        return seen.stream().filter(filter).toList();
    }

    /** Records about cases of this application. */
    public static Predicate<Received> ofApplication(String applicationNumber) {
        return r -> r.subject().startsWith(applicationNumber + "-");
    }

    public static long count(List<Received> records, String typeSuffix) {
        return records.stream().filter(r -> r.type().endsWith(typeSuffix)).count();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
