package org.runonce.intake.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's events ({@code runonce.catalog.v1}) keep intake's local copy of the catalog. A new consumer group
 * starts at the beginning of the topic ({@code auto-offset-reset=earliest}), so an empty copy catches up by
 * replaying it.
 */
@Component
class CatalogEventsListener {

    static final String CONSUMER = "intake.catalog-copy";
    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final Events events;
    private final ProcessedEvents processed;
    private final CatalogCopy catalog;

    CatalogEventsListener(Events events, ProcessedEvents processed, CatalogCopy catalog) {
        this.events = events;
        this.processed = processed;
        this.catalog = catalog;
    }

    @KafkaListener(topics = Topics.CATALOG)
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<JsonNode> event = events.read(record);
        processed.once(CONSUMER, event, () -> apply(event));
    }

    private void apply(CloudEvent<JsonNode> event) {
        switch (event.type()) {
            case ItemVersionPublished.TYPE -> catalog.apply(data(event, ItemVersionPublished.class));
            case ItemVersionRetired.TYPE -> catalog.apply(data(event, ItemVersionRetired.class));
            case BundlePublished.TYPE -> catalog.apply(data(event, BundlePublished.class));
            case CalendarPublished.TYPE -> catalog.apply(data(event, CalendarPublished.class));
            case DepartmentChanged.TYPE -> catalog.apply(data(event, DepartmentChanged.class));
            case CrossRegionListPublished.TYPE -> catalog.apply(data(event, CrossRegionListPublished.class));
            default -> log.debug("Ignoring catalog event type {}", event.type());
        }
    }

    private <T> T data(CloudEvent<JsonNode> event, Class<T> type) {
        return events.convert(event, type).data();
    }
}
