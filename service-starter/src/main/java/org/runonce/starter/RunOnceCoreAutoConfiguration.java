package org.runonce.starter;

import java.time.Clock;
import java.time.Duration;
import org.runonce.starter.domain.Time;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The starter's settings, the clock and {@link Time} in the platform's zone, for every service. */
@AutoConfiguration
@EnableConfigurationProperties(RunOnceProperties.class)
public class RunOnceCoreAutoConfiguration {

    /** The system clock in the platform's zone, ticking in microseconds as PostgreSQL keeps them; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(RunOnceProperties properties) {
        return Clock.tick(Clock.system(properties.zone()), Duration.ofNanos(1_000));
    }

    @Bean
    @ConditionalOnMissingBean
    Time runonceTime(Clock clock, RunOnceProperties properties) {
        return new Time(clock, properties.zone());
    }
}
