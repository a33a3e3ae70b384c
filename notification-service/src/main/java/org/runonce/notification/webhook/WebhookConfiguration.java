package org.runonce.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook machinery, configured from {@link WebhookProperties}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    CallbackUrls callbackUrls(WebhookProperties properties) {
        return new CallbackUrls(properties.allowPrivateAddresses());
    }

    @Bean
    WebhookSender webhookSender(CallbackUrls urls, WebhookProperties properties) {
        return new WebhookSender(urls, properties.http());
    }

    @Bean
    Backoff backoff(WebhookProperties properties) {
        return new Backoff(properties.retry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * One breaker per endpoint, created on first use, on the service's clock (so an open breaker's wait passes in
     * simulated time in tests). No automatic transition to half open: the next attempt after the wait is the trial.
     */
    @Bean
    CircuitBreakerRegistry webhookCircuitBreakers(WebhookProperties properties, Clock clock) {
        var settings = properties.circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
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
