package org.runonce.intake.application;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Keeps every application's progress view current from the approval service's case events: each carries the case's
 * status after the event, so all are applied the same way ({@link ApplicationService#caseProgressed}). When the last
 * case is decided the application completes. Certificate events need nothing here: the decision carries the
 * certificate number.
 */
@Component
class ApprovalProgressListener {

    static final String CONSUMER = "intake.case-progress";
    static final String CASE_EVENT_PREFIX = "org.runonce.approval.case.";

    private final Events events;
    private final ProcessedEvents processed;
    private final ApplicationService applications;

    ApprovalProgressListener(Events events, ProcessedEvents processed, ApplicationService applications) {
        this.events = events;
        this.processed = processed;
        this.applications = applications;
    }

    @KafkaListener(topics = Topics.APPROVAL)
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!event.type().startsWith(CASE_EVENT_PREFIX) || event.data() == null) {
            return;
        }
        processed.once(CONSUMER, event, () -> applications.caseProgressed(progress(event)));
    }

    static CaseProgress progress(CloudEvent<JsonNode> event) {
        JsonNode data = event.data();
        String certificate = null;
        Instant at = event.time();
        if (event.type().equals(CaseDecided.TYPE)) {
            certificate = text(data, "certificateNumber");
            String decidedAt = text(data, "decidedAt");
            at = decidedAt == null ? at : Instant.parse(decidedAt);
        }
        return new CaseProgress(text(data, "caseNumber"), text(data, "status"), certificate, at);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
