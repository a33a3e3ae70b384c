package org.runonce.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runonce.localstack.Kafka;

/** Boots a real Kafka broker in its own JVM, kills it with SIGKILL and starts it again. */
public class EmbeddedKafkaIT {

    @TempDir
    Path directory;

    @Test
    void committedRecordsSurviveKillAndRestartOnTheSamePort() {
        try (EmbeddedKafka kafka = Kafka.embedded().dataDirectory(directory).start()) {
            String topic = "runonce.test." + UUID.randomUUID();
            kafka.createTopic(topic, 2);
            send(kafka, topic, "before-kill-1", "before-kill-2");

            long pid = kafka.pid();
            kafka.kill();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

            kafka.start();
            assertThat(kafka.pid()).isNotEqualTo(pid);
            send(kafka, topic, "after-restart");
            assertThat(consume(kafka, topic, 3))
                    .containsExactlyInAnyOrder("before-kill-1", "before-kill-2", "after-restart");

            kafka.stop();
            kafka.start();
            send(kafka, topic, "after-graceful-restart");
            assertThat(consume(kafka, topic, 4)).contains("after-graceful-restart");
        }
        assertThat(directory).doesNotExist(); // throwaway data is deleted on close
    }

    @Test
    void busyPortIsReportedByNumber() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Kafka.embedded()
                            .port(busy.getLocalPort())
                            .dataDirectory(directory)
                            .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka cannot start: port " + busy.getLocalPort() + " is already in use");
        }
    }

    static void send(Kafka kafka, String topic, String... values) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        } catch (Exception e) {
            throw new AssertionError("Could not send to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until {@code count} records arrived or 30 s passed. */
    static List<String> consume(Kafka kafka, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
