package org.runonce.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * RunOnce notification service. Every time decision (due deliveries, backoff, retry age, circuit breakers) reads the
 * starter's clock ({@code org.runonce.starter.domain.Time}), so tests run hours of retries in simulated time.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
