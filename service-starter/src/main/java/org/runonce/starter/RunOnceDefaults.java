package org.runonce.starter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Platform defaults every service would otherwise copy into its {@code application.yml}. Added as the LAST property
 * source, so anything a service or an operator sets (yml, command line, environment) wins.
 */
public class RunOnceDefaults implements EnvironmentPostProcessor {

    /** Name of the property source, visible in {@code /actuator/env}. */
    public static final String PROPERTY_SOURCE = "runonceDefaults";

    static Map<String, Object> defaults() {
        Map<String, Object> p = new LinkedHashMap<>();
        // derived from the one setting a service must make, runonce.service.name
        p.put("runonce.service.api-path", "/api/${runonce.service.name}");
        p.put("runonce.security.audience", "runonce-${runonce.service.name}");
        p.put("runonce.events.source", "/runonce/${runonce.service.name}");
        p.put("runonce.events.topic", "runonce.${runonce.service.name}.v1");

        p.put("spring.threads.virtual.enabled", true);
        p.put("server.shutdown", "graceful");
        // behind the gateway: URLs a service builds from the request name the host and scheme the caller used
        p.put("server.forward-headers-strategy", "framework");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        p.put("spring.mvc.problemdetails.enabled", true);
        // a service's messages_zh_CN must not answer an English caller on a server whose default locale is Chinese
        p.put("spring.messages.fallback-to-system-locale", false);
        p.put("spring.jpa.open-in-view", false);
        p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:8180/realms/runonce");

        p.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        p.put("management.endpoint.health.probes.enabled", true);
        p.put("springdoc.api-docs.enabled", true); // the gateway shows every service's document
        p.put("springdoc.api-docs.path", "${runonce.service.api-path}/v3/api-docs");

        // logs: JSON lines (Elastic Common Schema) with the MDC's traceId, spanId and requestId as members; the local
        // platform (./runonce start, system tests) sets logging.structured.format.console to nothing for text lines,
        // which carry the trace id, span id and request id in the correlation pattern
        p.put("logging.structured.format.console", "ecs");
        p.put("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] [%X{requestId:-}] ");

        // tracing (Micrometer Tracing, OpenTelemetry bridge): W3C traceparent in and out of HTTP and Kafka records.
        // One request in ten is recorded (decided at the first service, usually the gateway, and followed by every
        // later one); unrecorded requests still carry their trace id to the logs. Spans leave only when
        // management.opentelemetry.tracing.export.otlp.endpoint is set (OTLP over HTTP, e.g.
        // http://collector:4318/v1/traces).
        p.put("management.tracing.sampling.probability", 0.1);
        p.put("spring.kafka.template.observation-enabled", true);
        p.put("spring.kafka.listener.observation-enabled", true);
        // Modulith sends an outbox publication from an @Async listener after the writing transaction committed: the
        // executor thread gets the committing thread's observation, so the record continues the request's trace
        p.put("spring.task.execution.propagate-context", true);
        // Spring Security's observations would add spans per filter phase and authorization to every request
        p.put("management.observations.enable.spring.security", false);
        // metrics are scraped by Prometheus; the OTLP registry the OpenTelemetry starter brings must not push
        p.put("management.otlp.metrics.export.enabled", false);

        // Kafka: one idempotent, batching producer; consumers form one group per service
        p.put("spring.kafka.producer.acks", "all");
        p.put("spring.kafka.producer.properties.enable.idempotence", true);
        p.put("spring.kafka.producer.properties.linger.ms", 10);
        p.put("spring.kafka.consumer.group-id", "${spring.application.name:${runonce.service.name}}");
        p.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        // partitions added to a topic (runonce.events.partitions; or a consumer that started first created the topic
        // with the broker's default) reach the consumers within 10 s instead of the 5 minutes of Kafka's default
        p.put("spring.kafka.consumer.properties.metadata.max.age.ms", 10_000);
        p.put("spring.kafka.admin.modify-topic-configs", true); // runonce.events.topic-config reaches existing topics

        // outbox: Spring Modulith's event publication registry, table created by the starter's Flyway migration
        p.put("spring.modulith.events.jdbc.schema-initialization.enabled", false);
        // the starter's migrations (V0_x) can be newer than a service's own (V1..): applied when they appear
        p.put("spring.flyway.out-of-order", true);
        p.put("spring.modulith.events.republish-outstanding-events-on-restart", true);
        // Two or more instances share a database: publications an instance left in flight when it died (kill -9, a
        // lost node) are marked FAILED by Modulith's staleness monitor in a surviving instance after 20 s, and the
        // starter resubmits FAILED ones every runonce.events.resubmit-interval. Every state gets a staleness: in
        // 2.0.3 a state left at zero counts as stale at once. A publication merely slow to be acknowledged is sent
        // twice at worst; consumers deduplicate.
        p.put("spring.modulith.events.staleness.published", "20s");
        p.put("spring.modulith.events.staleness.processing", "20s");
        p.put("spring.modulith.events.staleness.resubmission", "20s");
        p.put("spring.modulith.events.staleness.check-intervall", "5s");
        // ...without three "No stale publications" lines at INFO every 5 s
        p.put("logging.level.org.springframework.modulith.events.core.DefaultEventPublicationRegistry", "WARN");
        // a killed instance's partitions go to the others within 10 s (Kafka's default session is 45 s)
        p.put("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
        p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 3_000);
        return p;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults()));
    }
}
