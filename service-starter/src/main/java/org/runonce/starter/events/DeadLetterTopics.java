package org.runonce.starter.events;

import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates {@code <topic>.dlt} for every topic the service listens to, so that dead letters do not depend on the
 * broker auto-creating topics (production clusters usually do not).
 */
class DeadLetterTopics implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin admin;

    DeadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin) {
        this.listeners = listeners;
        this.admin = admin;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        NewTopic[] deadLetterTopics = listeners.getAllListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .distinct()
                .map(topic -> TopicBuilder.name(topic + RunOnceEventsAutoConfiguration.DLT_SUFFIX)
                        .build())
                .toArray(NewTopic[]::new);
        if (deadLetterTopics.length == 0) {
            return;
        }
        try {
            admin.createOrModifyTopics(deadLetterTopics);
        } catch (RuntimeException e) {
            log.warn("Could not create dead-letter topics now; the broker must auto-create them", e);
        }
    }
}
