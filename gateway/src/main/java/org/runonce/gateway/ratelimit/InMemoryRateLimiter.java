package org.runonce.gateway.ratelimit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.runonce.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client, in this JVM's memory: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. Good for one gateway replica; with several replicas each would grant the full rate, so
 * replace this bean by Spring Cloud Gateway's {@code RedisRateLimiter} (same {@link RateLimiter} contract).
 *
 * <p>Memory stays bounded: a bucket idle long enough to be full again is equivalent to no bucket and is evicted by
 * a periodic sweep; beyond {@code maxClients} buckets the oldest entries are dropped (those clients start afresh).
 */
public final class InMemoryRateLimiter implements RateLimiter<GatewayProperties.RateLimit> {

    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final long MIN_SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final GatewayProperties.RateLimit settings;
    private final LongSupplier nanoTime;
    private final long refillNanos;
    private final long sweepIntervalNanos;
    private final AtomicLong nextSweep;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(GatewayProperties.RateLimit settings) {
        this(settings, System::nanoTime);
    }

    InMemoryRateLimiter(GatewayProperties.RateLimit settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.refillNanos = (long) Math.ceil(settings.burst() / settings.requestsPerSecond() * 1e9);
        this.sweepIntervalNanos = Math.max(refillNanos, MIN_SWEEP_INTERVAL_NANOS);
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + sweepIntervalNanos);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        return Mono.fromSupplier(() -> take(clientKey));
    }

    Response take(String clientKey) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Bucket bucket = buckets.computeIfAbsent(clientKey, key -> new Bucket(settings.burst(), now));
        if (buckets.size() > settings.maxClients()) {
            evictBeyondCapacity(clientKey);
        }
        return bucket.take(now, settings);
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + sweepIntervalNanos)) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now, refillNanos));
        }
    }

    private void evictBeyondCapacity(String keep) {
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() > settings.maxClients() && keys.hasNext()) {
            if (!keys.next().equals(keep)) {
                keys.remove();
            }
        }
    }

    @Override
    public Map<String, GatewayProperties.RateLimit> getConfig() {
        return Map.of("default", settings);
    }

    @Override
    public Class<GatewayProperties.RateLimit> getConfigClass() {
        return GatewayProperties.RateLimit.class;
    }

    @Override
    public GatewayProperties.RateLimit newConfig() {
        return settings;
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updatedAt = now;
        }

        synchronized Response take(long now, GatewayProperties.RateLimit settings) {
            refill(now, settings);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(LIMIT_HEADER, Integer.toString(settings.burst()));
            if (tokens >= 1) {
                tokens -= 1;
                headers.put(REMAINING_HEADER, Long.toString((long) Math.floor(tokens)));
                return new Response(true, headers);
            }
            long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / settings.requestsPerSecond()));
            headers.put(REMAINING_HEADER, "0");
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            return new Response(false, headers);
        }

        synchronized boolean isFullAt(long now, long refillNanos) {
            return now - updatedAt >= refillNanos;
        }

        private void refill(long now, GatewayProperties.RateLimit settings) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                tokens = Math.min(settings.burst(), tokens + elapsed / 1e9 * settings.requestsPerSecond());
                updatedAt = now;
            }
        }
    }
}
