package org.runonce.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.contracts.CloudEvent;
import org.runonce.starter.RunOnceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transactional outbox to Kafka and idempotent consumers, on Spring Modulith's event publication registry (JDBC) and
 * its Kafka externalization.
 *
 * <ul>
 *   <li>Every {@link CloudEvent} published in a transaction is stored in {@code event_publication} with the state
 *       change and, after commit, sent asynchronously to {@code runonce.events.topic}, key = subject, headers
 *       {@code content-type: application/cloudevents+json} and {@code ce_partitionkey} = the key
 *       ({@link CloudEventRecords}: no Java type headers). Modulith's Kafka externalizer returns the send future and
 *       completes the publication when the broker acknowledged it ({@code acks=all}); a failed send leaves it FAILED.
 *   <li>FAILED publications are resubmitted every {@code runonce.events.resubmit-interval}; all incomplete ones again
 *       on restart. Delivery is at least once: consumers deduplicate with {@link ProcessedEvents}.
 *   <li>A consumed record that fails because the infrastructure is away (database, broker, mail server) is retried
 *       without limit, with exponential backoff, never dead-lettered: the partition waits. A poison record
 *       (unreadable JSON, refused by the domain) is a dead letter at once, one failing for an unknown reason after
 *       {@code runonce.events.consumer-retries} redeliveries: parked in table {@code parked_event} and copied to
 *       {@code <topic>.dlt} (kept {@code runonce.events.dead-letter-retention}, replicated like the topic). Later
 *       records of its key are parked behind it, not applied out of order, until it is replayed or discarded
 *       ({@link ParkedEvents}, {@code /api/<service>/admin/parked-events}).
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
    PublishedEventMeters publishedEventMeters(ObjectProvider<MeterRegistry> meters) {
        return new PublishedEventMeters(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, ParkedEvents parked) {
        return new ProcessedEvents(JdbcClient.create(jdbc), parked);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ParkedEvents parkedEvents(JdbcTemplate jdbc, ProducerFactory<?, ?> producers) {
        // its own template: records go back exactly as they were consumed, bytes, whatever the services' serializers
        var replays = new KafkaTemplate<String, byte[]>(
                (ProducerFactory) producers,
                Map.of(
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new ParkedEvents(JdbcClient.create(jdbc), replays);
    }

    /** Tells {@link ProcessedEvents} which record the listener on the thread is processing. */
    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<Object, Object> runOnceCurrentRecord() {
        return new CurrentRecord();
    }

    @Bean
    DeadLetters deadLetters(
            KafkaOperations<Object, Object> kafka, ParkedEvents parked, ObjectProvider<MeterRegistry> meters) {
        var topics = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        return new DeadLetters(topics, parked, meters.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ParkedEventsApi {
        @Bean
        ParkedEventsController runOnceParkedEventsController(ParkedEvents parked) {
            return new ParkedEventsController(parked);
        }
    }

    /** The records: envelope JSON, {@code content-type} and {@code ce_partitionkey}, no Java type headers. */
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
                .headers(
                        CloudEvent.class,
                        event -> Map.of(
                                CloudEventRecords.CONTENT_TYPE,
                                CloudEvent.STRUCTURED_CONTENT_TYPE,
                                CloudEventRecords.PARTITION_KEY,
                                event.subject()))
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
    DeadLetterTopics deadLetterTopics(
            KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, RunOnceProperties properties) {
        return new DeadLetterTopics(listeners, admin, properties.events().deadLetterRetention());
    }

    @Bean
    SchedulingConfigurer outboxMaintenance(
            FailedEventPublications failed,
            CompletedEventPublications completed,
            ProcessedEvents processed,
            ParkedEvents parked,
            DeadLetters deadLetters,
            RunOnceProperties properties) {
        var events = properties.events();
        var resubmission = ResubmissionOptions.defaults().withMinAge(events.resubmitOlderThan());
        return tasks -> {
            tasks.addFixedDelayTask(() -> failed.resubmit(resubmission), events.resubmitInterval());
            tasks.addFixedDelayTask(
                    () -> completed.deletePublicationsOlderThan(events.keepCompleted()), Duration.ofHours(1));
            tasks.addFixedDelayTask(() -> processed.forgetOlderThan(events.keepProcessed()), Duration.ofHours(1));
            tasks.addFixedDelayTask(() -> parked.forgetResolvedOlderThan(events.keepProcessed()), Duration.ofHours(1));
            tasks.addFixedDelayTask(deadLetters::refreshGauge, Duration.ofSeconds(30));
        };
    }

    /**
     * Retries by the kind of failure ({@link Failures}): transient (database, broker, mail server away) without limit,
     * with exponential backoff capped at {@code consumer-max-backoff}; poison at once to {@link DeadLetters}; unknown
     * {@code consumer-retries} times. The failed record is sought again, so the partition's offset does not move past
     * it, and the consumer is paused for the backoff instead of sleeping (it keeps its partitions meanwhile).
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler runOnceKafkaErrorHandler(
            DeadLetters deadLetters,
            RunOnceProperties properties,
            KafkaListenerEndpointRegistry listeners,
            ObjectProvider<TaskScheduler> scheduler) {
        var events = properties.events();
        long initial = events.consumerBackoff().toMillis();
        long max = Math.max(initial, events.consumerMaxBackoff().toMillis());

        var bounded = new ExponentialBackOffWithMaxRetries(events.consumerRetries());
        bounded.setInitialInterval(initial);
        bounded.setMultiplier(2);
        bounded.setMaxInterval(max);

        var unlimited = new ExponentialBackOff(initial, 2); // no maximum of attempts or elapsed time
        unlimited.setMaxInterval(max);

        var none = new FixedBackOff(0, 0);

        TaskScheduler tasks = scheduler.getIfAvailable();
        var handler = tasks == null
                ? new DefaultErrorHandler(deadLetters, bounded)
                : new DefaultErrorHandler(
                        deadLetters,
                        bounded,
                        new ContainerPausingBackOffHandler(new ListenerContainerPauseService(listeners, tasks)));
        handler.setBackOffFunction((record, failure) -> switch (Failures.classify(failure)) {
            case TRANSIENT -> unlimited;
            case POISON -> none;
            case UNKNOWN -> bounded;
        });
        // a record that failed for a transient reason and then for another gets that reason's backoff
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(JacksonException.class, ParkedKeyException.class);
        return handler;
    }
}
