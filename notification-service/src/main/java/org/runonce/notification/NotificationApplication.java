package org.runonce.notification;

import java.time.Clock;
import java.time.Duration;
import org.runonce.notification.notice.NoticeProperties;
import org.runonce.notification.webhook.WebhookProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** RunOnce notification service. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({WebhookProperties.class, NoticeProperties.class})
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    /**
     * Every time decision (due deliveries, backoff, retry age, circuit breakers) reads this clock, so tests run hours
     * of retries in simulated time. Ticks in microseconds, what PostgreSQL stores.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
