package org.runonce.intake.catalog;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.runonce.starter.events.Events;
import org.runonce.starter.events.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the local copy from the catalog's events. A new consumer group starts at the beginning of the topic
 * ({@code auto-offset-reset=earliest}), so an empty copy catches up by replaying it.
 */
@Component
class CatalogListener {

    static final String CONSUMER = "intake.catalog-copy";
    private static final Logger log = LoggerFactory.getLogger(CatalogListener.class);

    private final Events events;
    private final ProcessedEvents processed;
    private final CatalogStore store;
    private final CatalogCopy copy;

    CatalogListener(Events events, ProcessedEvents processed, CatalogStore store, CatalogCopy copy) {
        this.events = events;
        this.processed = processed;
        this.store = store;
        this.copy = copy;
    }

    @KafkaListener(topics = Topics.CATALOG)
    @Transactional
    void on(ConsumerRecord<String, byte[]> record) {
        log.info(
                "DEBUGGING catalog record {} {}",
                record.key(),
                record.value() == null ? null : record.value().getClass());
        CloudEvent<JsonNode> event;
        try {
            event = events.read(record);
        } catch (RuntimeException e) {
            log.error("DEBUGGING read failed", e);
            throw e;
        }
        processed.once(CONSUMER, event, () -> apply(event));
    }

    void apply(CloudEvent<JsonNode> event) {
        switch (event.type()) {
            case ItemVersionPublished.TYPE -> store.apply(data(event, ItemVersionPublished.class));
            case ItemVersionRetired.TYPE -> store.apply(data(event, ItemVersionRetired.class));
            case BundlePublished.TYPE -> store.apply(data(event, BundlePublished.class));
            case CalendarPublished.TYPE -> store.apply(data(event, CalendarPublished.class));
            case DepartmentChanged.TYPE -> store.apply(data(event, DepartmentChanged.class));
            default -> {
                log.debug("Ignoring catalog event type {}", event.type());
                return;
            }
        }
        afterCommit(copy::changed);
    }

    private <T> T data(CloudEvent<JsonNode> event, Class<T> type) {
        return events.convert(event, type).data();
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
