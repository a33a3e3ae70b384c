package org.runonce.catalog.item;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.runonce.catalog.CatalogProperties;
import org.runonce.catalog.web.Representation;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;

/**
 * Serialized guides with their ETags, so the hot public read (the guide in force) costs a map lookup. This instance
 * drops an item's entries right after a publication or retirement commits; other instances see it within the
 * time to live.
 */
@Component
class GuideCache {

    private record Entry(Representation representation, Instant expires) {}

    private final Map<String, Map<String, Entry>> byItem = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final CatalogProperties.GuideCache settings;
    private final Time time;

    GuideCache(CatalogProperties properties, Time time) {
        this.settings = properties.guideCache();
        this.time = time;
    }

    /** The cached representation under {@code key} of the item, or the loaded one, cached when not null. */
    Representation get(String itemCode, String key, Supplier<Representation> loader) {
        Instant now = time.now();
        Map<String, Entry> entries = byItem.get(itemCode);
        Entry entry = entries == null ? null : entries.get(key);
        if (entry != null && entry.expires().isAfter(now)) {
            return entry.representation();
        }
        Representation loaded = loader.get();
        if (loaded != null) {
            if (size.get() >= settings.maxEntries()) {
                clear();
            }
            Entry previous = byItem.computeIfAbsent(itemCode, k -> new ConcurrentHashMap<>())
                    .put(key, new Entry(loaded, now.plus(settings.timeToLive())));
            if (previous == null) {
                size.incrementAndGet();
            }
        }
        return loaded;
    }

    void evict(String itemCode) {
        Map<String, Entry> removed = byItem.remove(itemCode);
        if (removed != null) {
            size.addAndGet(-removed.size());
        }
    }

    int size() {
        return size.get();
    }

    void clear() {
        byItem.clear();
        size.set(0);
    }
}
