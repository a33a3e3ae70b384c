package org.runonce.gateway.ratelimit;

import org.runonce.gateway.GatewayProperties;
import org.runonce.gateway.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Per-client rate limiting of routed requests ({@code runonce.gateway.rate-limit.*}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "runonce.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    InMemoryRateLimiter inMemoryRateLimiter(GatewayProperties properties) {
        return new InMemoryRateLimiter(properties.rateLimit());
    }

    @Bean
    ClientKeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter<?> limiter, KeyResolver clients, ProblemResponses problems) {
        return new RateLimitFilter(limiter, clients, problems);
    }
}
