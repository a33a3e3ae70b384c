package org.runonce.approval.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.Topics;
import org.runonce.starter.events.Events;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads {@code runonce.catalog.v1} in a consumer group of its own (from the latest offset, nothing
 * written), so that each one forgets what it keeps in memory of the catalog copy when the catalog announces a change,
 * although only one instance, the one {@link CatalogEventsListener}'s group gives the event to, writes the copy.
 */
@Component
class CatalogAnnouncements {

    private final Events events;
    private final CatalogCopy copy;

    CatalogAnnouncements(Events events, CatalogCopy copy) {
        this.events = events;
        this.copy = copy;
    }

    @KafkaListener(
            topics = Topics.CATALOG,
            groupId = "approval-catalog-cache-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        copy.announced(events.read(record));
    }
}
