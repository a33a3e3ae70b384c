package org.runonce.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's settings, {@code runonce.catalog.*}. "Today" is the starter's ({@code runonce.zone}).
 *
 * @param guideCache the in-memory cache of serialized guides in force
 * @param demoData the demo catalog loaded at startup
 */
@Validated
@ConfigurationProperties("runonce.catalog")
public record CatalogProperties(
        @Valid @DefaultValue GuideCache guideCache,
        @Valid @DefaultValue DemoData demoData) {

    /**
     * @param timeToLive how long a cached guide is served before it is read again; bounds how stale another
     *     instance's copy is after a publication (this instance drops its copy at once)
     * @param maxEntries at most this many guides are kept; beyond, the cache starts afresh
     */
    public record GuideCache(
            @DefaultValue("30s") @NotNull Duration timeToLive,
            @DefaultValue("10000") @Min(1) int maxEntries) {}

    /**
     * @param enabled whether to load the demo departments, items, bundles and calendars at startup when they are
     *     not there yet; {@code --runonce.catalog.demo-data.enabled=false} for a real catalog
     */
    public record DemoData(@DefaultValue("true") boolean enabled) {}
}
