package org.runonce.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.CatalogProperties;
import org.runonce.catalog.web.Representation;
import org.runonce.starter.domain.Time;
import org.runonce.starter.testing.MovableClock;

class GuideCacheTest {

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T02:00:00Z"));
    final GuideCache cache = new GuideCache(
            new CatalogProperties(
                    new CatalogProperties.GuideCache(Duration.ofSeconds(30), 3), new CatalogProperties.DemoData(false)),
            new Time(clock, MovableClock.ZONE));
    final AtomicInteger loads = new AtomicInteger();

    Representation load() {
        loads.incrementAndGet();
        return new Representation(new byte[] {(byte) loads.get()}, "\"" + loads.get() + "\"");
    }

    @Test
    void servesFromMemoryUntilEvictedOrExpired() {
        cache.get("a", "on:2026-11-21", this::load);
        cache.get("a", "on:2026-11-21", this::load);
        assertThat(loads).hasValue(1);

        cache.evict("a");
        assertThat(cache.get("a", "on:2026-11-21", this::load).etag()).isEqualTo("\"2\"");

        clock.set(clock.instant().plus(Duration.ofSeconds(31)));
        assertThat(cache.get("a", "on:2026-11-21", this::load).etag()).isEqualTo("\"3\"");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void nothingIsCachedForAMissAndTheSizeIsBounded() {
        cache.get("a", "on:2026-11-21", () -> null);
        assertThat(cache.size()).isZero();

        cache.get("a", "1", this::load);
        cache.get("b", "1", this::load);
        cache.get("c", "1", this::load);
        cache.get("d", "1", this::load);

        assertThat(cache.size()).isEqualTo(1);
        cache.get("d", "1", this::load);
        assertThat(loads).hasValue(4);
    }
}
