package org.runonce.notification.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Approval's and intake's events for the staff inbox, in a consumer group of their own (a staff notice that fails never holds up
 * applicants' notices or webhooks); each event once, its processed mark in the notices' transaction.
 */
@Component
class StaffNoticesListener {

    static final String STAFF_NOTICES = "notification.staff-notices";

    private final Events events;
    private final ProcessedEvents processed;
    private final StaffNotices notices;
    private final TransactionTemplate transactions;

    StaffNoticesListener(
            Events events, ProcessedEvents processed, StaffNotices notices, TransactionTemplate transactions) {
        this.events = events;
        this.processed = processed;
        this.notices = notices;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "staff-notices",
            topics = {Topics.APPROVAL, Topics.INTAKE},
            groupId = "${spring.application.name}-staff-notices")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!StaffNotices.concerns(event.type()) && !ProcessedEvents.isReplay(record)) {
            return;
        }
        transactions.executeWithoutResult(tx -> processed.once(STAFF_NOTICES, event, () -> notices.handle(event)));
    }
}
