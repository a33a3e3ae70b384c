package org.runonce.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RunOnceDefaultsTest {

    StandardEnvironment environment = new StandardEnvironment();

    RunOnceDefaultsTest() {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "application.yml",
                        Map.of(
                                "runonce.service.name", "intake",
                                "spring.application.name", "intake-service",
                                "spring.kafka.producer.properties.linger.ms", "50")));
        new RunOnceDefaults().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void defaultsComeLastSoAServiceOrOperatorOverridesThem() {
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second))
                .get()
                .extracting(source -> source.getName())
                .isEqualTo(RunOnceDefaults.PROPERTY_SOURCE);
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms"))
                .isEqualTo("50");
    }

    @Test
    void audienceSourceTopicAndConsumerGroupFollowFromTheServiceName() {
        assertThat(environment.getProperty("runonce.security.audience")).isEqualTo("runonce-intake");
        assertThat(environment.getProperty("runonce.events.source")).isEqualTo("/runonce/intake");
        assertThat(environment.getProperty("runonce.events.topic")).isEqualTo("runonce.intake.v1");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("intake-service");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/api/intake/v3/api-docs");
    }

    @Test
    void theProducerIsIdempotentAndWaitsForAllReplicas() {
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence"))
                .isEqualTo("true");
    }

    @Test
    void tracesFollowKafkaRecordsAndTheOutboxRelayAndOneRequestInTenIsRecorded() {
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.task.execution.propagate-context"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.1");
        // nothing leaves the service until an operator names a collector
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isNull();
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("false");
    }

    @Test
    void logLinesAreJsonWithTheTraceIdOutsideLocalDevelopment() {
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId:-}", "%X{requestId:-}");
    }
}
