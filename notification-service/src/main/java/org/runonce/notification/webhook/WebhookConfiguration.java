package org.runonce.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.ThreadLocalRandom;
import org.runonce.notification.Backoff;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Time;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook machinery, configured from {@link NotificationProperties.Webhooks}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    CallbackUrls callbackUrls(NotificationProperties properties) {
        return new CallbackUrls(
                properties.webhooks().allowPrivateAddresses(),
                properties.webhooks().allowHttp(),
                CallbackUrls.Resolver.SYSTEM);
    }

    @Bean
    WebhookSender webhookSender(
            CallbackUrls urls, NotificationProperties properties, CircuitBreakerRegistry webhookCircuitBreakers) {
        return new WebhookSender(
                urls,
                properties.webhooks().http(),
                webhookCircuitBreakers,
                properties.webhooks().requestOrigin());
    }

    @Bean
    Backoff backoff(NotificationProperties properties) {
        return new Backoff(
                properties.webhooks().retry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * One breaker per endpoint, created on first use, on the service's clock (so an open breaker's wait passes in
     * simulated time in tests). No automatic transition to half open: the next attempt after the wait is the trial.
     */
    @Bean
    CircuitBreakerRegistry webhookCircuitBreakers(NotificationProperties properties, Time time) {
        var settings = properties.webhooks().circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(time.clock())
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }
}
