package org.runonce.starter.events;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.runonce.contracts.CloudEvent;
import org.runonce.starter.RunOnceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transactional outbox to Kafka and idempotent consumers, on Spring Modulith's event publication registry (JDBC) and
 * its Kafka externalization.
 *
 * <ul>
 *   <li>Every {@link CloudEvent} published in a transaction is stored in {@code event_publication} with the state
 *       change and, after commit, sent asynchronously to {@code runonce.events.topic}, key = subject, one header
 *       {@code content-type: application/cloudevents+json} ({@link CloudEventRecords}: no Java type headers). Modulith's Kafka externalizer returns the send future and
 *       completes the publication when the broker acknowledged it ({@code acks=all}); a failed send leaves it FAILED.
 *   <li>FAILED publications are resubmitted every {@code runonce.events.resubmit-interval}; all incomplete ones again
 *       on restart. Delivery is at least once: consumers deduplicate with {@link ProcessedEvents}.
 *   <li>A consumed record whose processing keeps failing is redelivered {@code runonce.events.consumer-retries} times
 *       with exponential backoff, then published unchanged to {@code <topic>.dlt}; unreadable JSON goes there at once.
 *   <li>Every hour, completed publications older than {@code runonce.events.keep-completed} and processed-event marks
 *       older than {@code runonce.events.keep-processed} are deleted.
 * </ul>
 */
@AutoConfiguration(
        before = EventExternalizationAutoConfiguration.class,
        // its converter backs off for ours (package-private, so named)
        beforeName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@ConditionalOnClass({KafkaOperations.class, JdbcTemplate.class})
@EnableConfigurationProperties(RunOnceProperties.class)
@EnableScheduling
public class RunOnceEventsAutoConfiguration {

    /** Suffix of dead-letter topics: {@code runonce.intake.v1} -> {@code runonce.intake.v1.dlt}. */
    public static final String DLT_SUFFIX = ".dlt";

    @Bean
    Events events(ApplicationEventPublisher publisher, JsonMapper json, RunOnceProperties properties) {
        return new Events(publisher, json, properties.events().source());
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(JdbcClient.create(jdbc));
    }

    /** The records: envelope JSON and a {@code content-type} header, no Java type headers (Modulith's backs off). */
    @Bean
    RecordMessageConverter cloudEventRecords(JsonMapper json) {
        return new CloudEventRecords(json);
    }

    /** CloudEvents, and nothing else, leave the service: to its own topic, keyed by subject. */
    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(RunOnceProperties properties) {
        String topic = properties.events().topic();
        return EventExternalizationConfiguration.externalizing()
                .selectByType(CloudEvent.class)
                .route(CloudEvent.class, event -> RoutingTarget.forTarget(topic).andKey(event.subject()))
                .headers(CloudEvent.class, event -> Map.of("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE))
                .build();
    }

    /**
     * The service's topic, created with {@code runonce.events.partitions} (default: the broker's) and the broker's
     * replication if it does not exist, with {@code runonce.events.topic-config} applied (also to an existing topic:
     * {@code spring.kafka.admin.modify-topic-configs} is on by default); an existing topic with fewer partitions gets
     * more.
     */
    @Bean
    NewTopic runOnceEventsTopic(RunOnceProperties properties) {
        var topic = TopicBuilder.name(properties.events().topic())
                .configs(properties.events().topicConfig());
        if (properties.events().partitions() != null) {
            topic.partitions(properties.events().partitions());
        }
        return topic.build();
    }

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin) {
        return new DeadLetterTopics(listeners, admin);
    }

    @Bean
    SchedulingConfigurer outboxMaintenance(
            FailedEventPublications failed,
            CompletedEventPublications completed,
            ProcessedEvents processed,
            RunOnceProperties properties) {
        var events = properties.events();
        var resubmission = ResubmissionOptions.defaults().withMinAge(events.resubmitOlderThan());
        return tasks -> {
            tasks.addFixedDelayTask(() -> failed.resubmit(resubmission), events.resubmitInterval());
            tasks.addFixedDelayTask(
                    () -> completed.deletePublicationsOlderThan(events.keepCompleted()), Duration.ofHours(1));
            tasks.addFixedDelayTask(() -> processed.forgetOlderThan(events.keepProcessed()), Duration.ofHours(1));
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler runOnceKafkaErrorHandler(KafkaOperations<Object, Object> kafka, RunOnceProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        var backOff = new ExponentialBackOffWithMaxRetries(properties.events().consumerRetries());
        backOff.setInitialInterval(properties.events().consumerBackoff().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(JacksonException.class);
        return handler;
    }
}
