package org.runonce.catalog;

import java.time.Clock;
import java.time.Duration;
import org.runonce.catalog.shared.CatalogProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** RunOnce catalog service. */
@SpringBootApplication
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }

    /**
     * "Today" is the calendar date in the catalog's zone (China Standard Time by default). Ticks in microseconds,
     * what PostgreSQL stores, so a representation read back has the same timestamps (and ETag) as when written.
     */
    @Bean
    Clock clock(CatalogProperties properties) {
        return Clock.tick(Clock.system(properties.zone()), Duration.ofNanos(1_000));
    }
}
