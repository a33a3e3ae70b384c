package org.runonce.intake.certificate;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CertificateRevoked;
import org.runonce.starter.events.Events;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The certificates their issuing departments revoked, kept from approval's {@code certificate.revoked} events in
 * table {@code revoked_certificate}. A consumer group of its own ({@value #GROUP}), so that it reads every partition
 * of the approval topic beside the progress listener. Idempotent by nature: a redelivered revocation inserts nothing.
 */
@Component
class RevokedCertificates {

    static final String GROUP = "intake-service.revoked-certificates";

    private final Events events;
    private final JdbcClient jdbc;

    RevokedCertificates(Events events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = GROUP, topics = Topics.APPROVAL)
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!CertificateRevoked.TYPE.equals(event.type()) || event.data() == null) {
            return;
        }
        JsonNode data = event.data();
        Instant at = data.hasNonNull("revokedAt")
                ? Instant.parse(data.get("revokedAt").asString())
                : event.time();
        jdbc.sql("""
                        insert into revoked_certificate (certificate_number, revoked_at, reason) values (?, ?, ?)
                        on conflict do nothing""")
                .params(
                        data.get("certificateNumber").asString(),
                        java.sql.Timestamp.from(at),
                        data.hasNonNull("reason") ? data.get("reason").asString() : null)
                .update();
    }

    /** When the certificate was revoked, if it was. */
    Optional<Instant> revokedAt(String certificateNumber) {
        return jdbc.sql("select revoked_at from revoked_certificate where certificate_number = ?")
                .param(certificateNumber)
                .query(Instant.class)
                .optional();
    }
}
