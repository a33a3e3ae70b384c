package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GatewayPropertiesTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static GatewayProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("runonce.gateway", GatewayProperties.class);
    }

    private static Set<ConstraintViolation<GatewayProperties>> violations(Map<String, String> properties) {
        return validator.validate(bind(properties));
    }

    @Test
    void defaultsToTheLocalRunPorts() {
        GatewayProperties defaults = bind(Map.of());

        assertThat(defaults.services().uri(Downstream.CATALOG)).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(defaults.services().uri(Downstream.NOTIFICATION)).isEqualTo(URI.create("http://localhost:8084"));
        assertThat(defaults.portalOrigins()).containsExactly("http://localhost:3000", "http://localhost:5173");
        assertThat(defaults.responseTimeout(Downstream.INTAKE)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.rateLimit().burst()).isEqualTo(40);
        assertThat(validator.validate(defaults)).isEmpty();
    }

    @Test
    void overridesTheResponseTimeoutPerService() {
        GatewayProperties properties = bind(
                Map.of("runonce.gateway.response-timeout", "5s", "runonce.gateway.response-timeouts.intake", "30s"));

        assertThat(properties.responseTimeout(Downstream.INTAKE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.responseTimeout(Downstream.CATALOG)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesServiceUrisWithAPath() {
        assertThat(violations(Map.of("runonce.gateway.services.intake", "http://intake:8080/prefix")))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("service URIs must be http(s)://host[:port] without a path");
    }

    @Test
    void refusesNonPositiveTimeoutsAndLimits() {
        assertThat(violations(Map.of("runonce.gateway.response-timeouts.approval", "0s")))
                .isNotEmpty();
        assertThat(violations(Map.of("runonce.gateway.rate-limit.burst", "0"))).isNotEmpty();
        assertThat(violations(Map.of("runonce.gateway.portal-origins", ""))).isNotEmpty();
    }
}
