package org.runonce.intake;

import java.time.Instant;
import org.runonce.starter.testing.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock with one the tests set. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MovableClock testClock() {
        return new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
    }
}
