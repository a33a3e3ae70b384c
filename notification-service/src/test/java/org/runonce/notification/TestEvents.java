package org.runonce.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseStatus;
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

    /**
     * Approval's {@code case.decided} for the first case of {@code number}: SAMR approved the company registration
     * and issued business licence {@code BL-<number>}, as approval publishes it.
     */
    public static CloudEvent<CaseDecided> samrApproved(String number) {
        String caseNumber = number + "-01";
        var clock =
                new CaseClock(5, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27), 3, 2, 0, false, false, false);
        return TestEvents.event(
                "/runonce/approval",
                CaseDecided.TYPE,
                caseNumber,
                "SAMR",
                new CaseDecided(
                        new CaseHeader(
                                number,
                                caseNumber,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                CaseStatus.APPROVED,
                                "DECISION",
                                "reviewer.samr",
                                "head.samr",
                                clock),
                        CaseDecided.APPROVED,
                        null,
                        null,
                        Instant.parse("2026-11-25T03:00:00Z"),
                        false,
                        true,
                        "BL-" + number));
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
