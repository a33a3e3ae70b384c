package org.runonce.starter.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates {@code <topic>.dlt} for every topic the service listens to, so that dead letters do not depend on the
 * broker auto-creating topics (production clusters usually do not). A dead-letter topic keeps its records for
 * {@code runonce.events.dead-letter-retention} (also set on an existing one), long enough for an operator to act,
 * and is created with the replication factor of the topic it belongs to: a dead letter is not less precious than the
 * record was.
 */
class DeadLetterTopics implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin admin;
    private final Duration retention;

    DeadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, Duration retention) {
        this.listeners = listeners;
        this.admin = admin;
        this.retention = retention;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String[] topics = listeners.getAllListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .distinct()
                .toArray(String[]::new);
        if (topics.length == 0) {
            return;
        }
        Map<String, TopicDescription> sources = describe(topics);
        NewTopic[] deadLetterTopics = Arrays.stream(topics)
                .map(topic -> deadLetterTopic(topic, sources.get(topic)))
                .toArray(NewTopic[]::new);
        try {
            admin.createOrModifyTopics(deadLetterTopics);
        } catch (RuntimeException e) {
            log.warn("Could not create dead-letter topics now; the broker must auto-create them", e);
        }
    }

    private NewTopic deadLetterTopic(String topic, TopicDescription source) {
        var builder = TopicBuilder.name(topic + RunOnceEventsAutoConfiguration.DLT_SUFFIX)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        List<?> replicas = source == null || source.partitions().isEmpty()
                ? List.of()
                : source.partitions().getFirst().replicas();
        if (!replicas.isEmpty()) {
            builder.replicas(replicas.size());
        }
        return builder.build();
    }

    /** The consumed topics as they are; missing ones (nobody published yet) are left out: broker defaults. */
    private Map<String, TopicDescription> describe(String[] topics) {
        Map<String, TopicDescription> found = new java.util.HashMap<>();
        for (String topic : topics) {
            try {
                found.putAll(admin.describeTopics(topic));
            } catch (RuntimeException e) {
                log.info(
                        "Topic {} not described ({}); its dead-letter topic gets the broker's replication",
                        topic,
                        e.getMessage());
            }
        }
        return found;
    }
}
