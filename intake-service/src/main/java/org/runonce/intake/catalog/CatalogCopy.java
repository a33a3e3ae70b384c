package org.runonce.intake.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.runonce.intake.IntakeProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What intake knows of the catalog: item versions, bundles, working-day calendars and departments, read from the
 * local copy (no call to the catalog) and kept in memory for {@code runonce.intake.catalog.cache-time-to-live}, so
 * the submit path usually reads none of it from the database.
 */
@Service
public class CatalogCopy {

    private final CatalogStore store;
    private final long timeToLiveNanos;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    CatalogCopy(CatalogStore store, IntakeProperties properties) {
        this.store = store;
        this.timeToLiveNanos = properties.catalog().cacheTimeToLive().toNanos();
    }

    /** The version of the item in force on {@code date}, if there is one. */
    public Optional<ItemGuide> itemInForce(String itemCode, LocalDate date) {
        List<ItemGuide> versions = cached("item:" + itemCode, () -> store.versionsOf(itemCode));
        return versions.stream().filter(v -> v.inForceOn(date)).reduce((first, second) -> second);
    }

    /** A specific version of an item, in force or not. */
    public Optional<ItemGuide> itemVersion(String itemCode, int version) {
        return cached("item:" + itemCode, () -> store.versionsOf(itemCode)).stream()
                .filter(v -> v.version() == version)
                .findFirst();
    }

    public Optional<BundleGuide> bundle(String code) {
        return cached("bundle:" + code, () -> store.bundle(code));
    }

    public Optional<Department> department(String code) {
        return cached("department:" + code, () -> store.department(code));
    }

    /**
     * The region's working-day calendar over every year the catalog published for it; a region without one of its
     * own follows its city's, else its province's (a township or village its county's first), as the hall's slots do.
     */
    public WorkingDayCalendar calendar(String region) {
        WorkingDayCalendar own = cached("calendar:" + region, () -> store.calendar(region));
        if (!own.years().isEmpty() || region.length() < 6) {
            return own;
        }
        String county = region.substring(0, 6);
        for (String candidate : List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000")) {
            if (candidate.equals(region)) {
                continue;
            }
            WorkingDayCalendar wider = cached("calendar:" + candidate, () -> store.calendar(candidate));
            if (!wider.years().isEmpty()) {
                return wider;
            }
        }
        return own;
    }

    /** The region of a department, if the copy knows it. */
    public Optional<String> regionOf(String departmentCode) {
        return cached("region:" + departmentCode, () -> store.regionOf(departmentCode));
    }

    /**
     * Whether a service point of {@code acceptingRegion} accepts the item for a department of {@code homeRegion}: the
     * catalog's cross-region list (通办清单) of the accepting region names the item with that home region.
     */
    public boolean acceptsFor(String acceptingRegion, String itemCode, String homeRegion) {
        Map<String, Set<String>> list =
                cached("cross-region:" + acceptingRegion, () -> store.crossRegionList(acceptingRegion));
        return list.getOrDefault(itemCode, Set.of()).contains(homeRegion);
    }

    /** Whether the copy holds no item at all yet (a new installation catching up). */
    public boolean isEmpty() {
        return !store.hasItems();
    }

    // ---- changes from the catalog's events, each in the caller's transaction --------------------------------------

    public void apply(ItemVersionPublished published) {
        store.apply(published);
        changedAfterCommit();
    }

    public void apply(ItemVersionRetired retired) {
        store.apply(retired);
        changedAfterCommit();
    }

    public void apply(BundlePublished bundle) {
        store.apply(bundle);
        changedAfterCommit();
    }

    public void apply(CalendarPublished calendar) {
        store.apply(calendar);
        changedAfterCommit();
    }

    public void apply(CrossRegionListPublished list) {
        store.apply(list);
        changedAfterCommit();
    }

    public void apply(DepartmentChanged department) {
        store.apply(department);
        changedAfterCommit();
    }

    private void changedAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed();
                }
            });
        } else {
            changed();
        }
    }

    /**
     * Makes this instance read everything again; called after a change to the copy committed. Entries loaded while
     * the change was being applied carry the older generation and are not used either.
     */
    void changed() {
        generation.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> loader) {
        long now = System.nanoTime();
        long current = generation.get();
        Cached<?> entry = cache.get(key);
        if (entry == null || entry.generation() != current || now - entry.loadedAt() > timeToLiveNanos) {
            entry = new Cached<>(loader.get(), now, current);
            cache.put(key, entry);
        }
        return (T) entry.value();
    }

    private record Cached<T>(T value, long loadedAt, long generation) {}
}
