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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Consumes the intake and approval topics, once for webhooks and once for notices (two consumer groups, so one
 * failing does not hold up or dead-letter the other). Each effect is applied at most once per event id, in the same
 * transaction as its processed mark: a redelivered record neither queues a second webhook delivery nor a second
 * notice. Failures are the starter's: PostgreSQL or Kafka away is waited for; a record that can never be processed is
 * a dead letter of its group (parked, copied to {@code <topic>.dlt}) and parks the later events of its key, until an
 * operator replays it ({@code /api/notifications/admin/parked-events}).
 *
 * <p>An event a group has nothing to do with (no subscription wants it; the applicant hears nothing of it and it
 * carries no contact) is passed over before any transaction: no processed mark, no parked-key check (it has no effect
 * to apply twice or out of order), nothing written (issue 14: it cost a transaction and three statements per group).
 * A replayed record always takes the transactional path, which marks its parked row applied.
 */
@Component
class PlatformEventsListener {

    static final String WEBHOOKS = "notification.webhooks";
    static final String NOTICES = "notification.notices";

    private final Events events;
    private final ProcessedEvents processed;
    private final Webhooks webhooks;
    private final ApplicantNotices notices;
    private final TransactionTemplate transactions;

    PlatformEventsListener(
            Events events,
            ProcessedEvents processed,
            Webhooks webhooks,
            ApplicantNotices notices,
            TransactionTemplate transactions) {
        this.events = events;
        this.processed = processed;
        this.webhooks = webhooks;
        this.notices = notices;
        this.transactions = transactions;
    }

    /** Webhook deliveries: a consumer group of its own, so a notice that cannot be rendered never holds them up. */
    @KafkaListener(
            id = "webhooks",
            topics = {Topics.INTAKE, Topics.APPROVAL},
            groupId = "${spring.application.name}-webhooks")
    void forWebhooks(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        var plan = webhooks.plan(event);
        if (plan.isEmpty() && !ProcessedEvents.isReplay(record)) {
            return;
        }
        transactions.executeWithoutResult(tx -> processed.once(WEBHOOKS, event, () -> webhooks.deliver(plan)));
    }

    /** Applicant notices, in their own consumer group. */
    @KafkaListener(
            id = "notices",
            topics = {Topics.INTAKE, Topics.APPROVAL},
            groupId = "${spring.application.name}-notices")
    void forNotices(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        if (!notices.concerns(event) && !ProcessedEvents.isReplay(record)) {
            return;
        }
        transactions.executeWithoutResult(tx -> processed.once(NOTICES, event, () -> notices.handle(event)));
    }
}
