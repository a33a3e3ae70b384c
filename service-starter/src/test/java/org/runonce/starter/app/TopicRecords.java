package org.runonce.starter.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, outside any consumer group, to see what really reached Kafka. */
public final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicRecords(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !consumer.partitionsFor(topic).isEmpty());
        var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until a record matches, within {@code timeout}; fails otherwise. */
    public ConsumerRecord<String, byte[]> awaitFirst(
            Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        await().atMost(timeout).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.stream().anyMatch(match);
        });
        return records.stream().filter(match).findFirst().orElseThrow();
    }

    /** Reads whatever arrives within {@code time}: to show that something did NOT reach the topic. */
    public List<ConsumerRecord<String, byte[]>> readFor(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return read();
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, byte[]>> read() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
