package org.runonce.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.testing.MovableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one configuration of every integration test, so that they share one Spring context (and one Kafka consumer in
 * the service's group): real PostgreSQL, Kafka and SMTP from the local stack, a {@link MovableClock} starting now, callback URLs
 * on localhost allowed, and the schedulers off: tests drive the dispatchers themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "runonce.notification.webhooks.allow-private-addresses=true",
            "runonce.notification.webhooks.allow-http=true",
            "runonce.notification.webhooks.dispatcher.enabled=false",
            "runonce.notification.notices.sender.enabled=false",
            "runonce.notification.retention.enabled=false"
        })
@AutoConfigureMockMvc
@WithLocalInfrastructure(smtp = true)
@Import(NotificationIT.TestClock.class)
public @interface NotificationIT {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }
}
