package org.runonce.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.contracts.CloudEvent;
import tools.jackson.databind.json.JsonMapper;

/** Publishes CloudEvents to Kafka as the intake and approval services do (structured JSON, keyed by subject). */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json;

    public TestEvents(String bootstrapServers, JsonMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public static <T> CloudEvent<T> event(String source, String type, String subject, String department, T data) {
        return CloudEvent.of(UUID.randomUUID().toString(), source, type, Instant.now(), subject, data)
                .inDepartment(department);
    }

    public void send(String topic, CloudEvent<?> event) {
        var record = new ProducerRecord<>(topic, event.subject(), json.writeValueAsBytes(event));
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
