package org.runonce.approval.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.Topics;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link CatalogCopy} from {@code runonce.catalog.v1}, each event once. */
@Component
class CatalogEventsListener {

    private final Events events;
    private final ProcessedEvents processed;
    private final CatalogCopy copy;

    CatalogEventsListener(Events events, ProcessedEvents processed, CatalogCopy copy) {
        this.events = events;
        this.processed = processed;
        this.copy = copy;
    }

    @KafkaListener(topics = Topics.CATALOG)
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        var event = events.read(record);
        processed.once("approval.catalog-copy", event, () -> copy.apply(event));
    }
}
