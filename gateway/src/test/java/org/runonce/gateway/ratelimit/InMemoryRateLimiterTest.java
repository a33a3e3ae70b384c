package org.runonce.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.runonce.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

class InMemoryRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private InMemoryRateLimiter limiter(double perSecond, int burst, int maxClients) {
        return new InMemoryRateLimiter(new GatewayProperties.RateLimit(true, perSecond, burst, maxClients), clock::get);
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void grantsTheBurstThenRefusesWithRetryAfter() {
        InMemoryRateLimiter limiter = limiter(2, 3, 100);

        for (int remaining = 2; remaining >= 0; remaining--) {
            RateLimiter.Response granted = limiter.take("alice");
            assertThat(granted.isAllowed()).isTrue();
            assertThat(granted.getHeaders())
                    .containsEntry("X-RateLimit-Limit", "3")
                    .containsEntry("X-RateLimit-Remaining", Integer.toString(remaining));
        }
        RateLimiter.Response refused = limiter.take("alice");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders())
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("Retry-After", "1");
    }

    @Test
    void retryAfterCoversTheTimeToEarnOneToken() {
        InMemoryRateLimiter limiter = limiter(0.2, 1, 100); // one request per 5 seconds

        limiter.take("bob");
        advance(1_000);

        assertThat(limiter.take("bob").getHeaders()).containsEntry("Retry-After", "4");
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheBurst() {
        InMemoryRateLimiter limiter = limiter(10, 5, 100);
        for (int i = 0; i < 5; i++) {
            limiter.take("carol");
        }
        assertThat(limiter.take("carol").isAllowed()).isFalse();

        advance(100);
        assertThat(limiter.take("carol").isAllowed()).isTrue();
        assertThat(limiter.take("carol").isAllowed()).isFalse();

        advance(60_000);
        assertThat(limiter.take("carol").getHeaders()).containsEntry("X-RateLimit-Remaining", "4");
    }

    @Test
    void keepsOneBucketPerClient() {
        InMemoryRateLimiter limiter = limiter(1, 1, 100);

        assertThat(limiter.take("dave").isAllowed()).isTrue();
        assertThat(limiter.take("dave").isAllowed()).isFalse();
        assertThat(limiter.take("erin").isAllowed()).isTrue();
    }

    @Test
    void evictsBucketsThatAreFullAgain() {
        InMemoryRateLimiter limiter = limiter(10, 10, 100);
        for (int i = 0; i < 50; i++) {
            limiter.take("client-" + i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(50);

        advance(11_000);
        limiter.take("newcomer");

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void neverTracksMoreThanMaxClients() {
        InMemoryRateLimiter limiter = limiter(1, 1, 10);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.take("address-" + i).isAllowed()).isTrue();
        }

        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(10);
    }
}
