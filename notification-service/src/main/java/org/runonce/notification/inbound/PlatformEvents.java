package org.runonce.notification.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.notification.notice.ApplicantNotices;
import org.runonce.notification.webhook.Webhooks;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Consumes the intake and approval topics. Each effect is applied at most once per event id, in the same
 * transaction as its processed mark: a redelivered record neither queues a second webhook delivery nor a second
 * notice. A record that keeps failing ends on {@code <topic>.dlt} (starter).
 */
@Component
class PlatformEvents {

    static final String WEBHOOKS = "notification.webhooks";
    static final String NOTICES = "notification.notices";

    private final Events events;
    private final ProcessedEvents processed;
    private final Webhooks webhooks;
    private final ApplicantNotices notices;

    PlatformEvents(Events events, ProcessedEvents processed, Webhooks webhooks, ApplicantNotices notices) {
        this.events = events;
        this.processed = processed;
        this.webhooks = webhooks;
        this.notices = notices;
    }

    @KafkaListener(topics = {Topics.INTAKE, Topics.APPROVAL})
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        processed.once(WEBHOOKS, event, () -> webhooks.fanOut(event));
        processed.once(NOTICES, event, () -> notices.handle(event));
    }
}
