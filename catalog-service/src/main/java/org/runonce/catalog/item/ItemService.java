package org.runonce.catalog.item;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.catalog.department.DepartmentService;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writing and reading items. Every change runs in one transaction with the item locked; publication and retirement
 * record their event in the outbox in that same transaction.
 */
@Service
public class ItemService {

    private final Items items;
    private final DepartmentService departments;
    private final Events events;
    private final GuideCache cache;
    private final Time time;

    ItemService(Items items, DepartmentService departments, Events events, GuideCache cache, Time time) {
        this.items = items;
        this.departments = departments;
        this.events = events;
        this.cache = cache;
        this.time = time;
    }

    /** Creates an item with its first draft. */
    @Transactional
    public ItemVersion create(String code, GuideContent content) {
        if (items.exists(code)) {
            throw Refusal.conflict("item-exists", "Item exists", "item " + code + " already exists");
        }
        Item item = Item.create(code, content, time.now());
        items.add(item);
        return item.version(1).orElseThrow();
    }

    /** Starts a new draft, a copy of {@code copyOf} or else of the latest published version. */
    @Transactional
    public ItemVersion startDraft(String code, Integer copyOf) {
        Item item = lock(code);
        ItemVersion source = copyOf != null
                ? item.version(copyOf).orElseThrow(() -> Refusal.notFound("version", code + "/" + copyOf))
                : item.latestPublished()
                        .or(() -> item.versions().stream().reduce((a, b) -> b))
                        .orElseThrow(() -> Refusal.invalid("item " + code + " has no version to copy"));
        ItemVersion draft = item.startDraft(source.content(), time.now());
        items.save(item);
        return draft;
    }

    /**
     * Replaces a draft's content.
     *
     * @param precondition checks the caller's If-Match against the version as it is now (under the lock)
     */
    @Transactional
    public ItemVersion revise(String code, int version, GuideContent content, Consumer<ItemVersion> precondition) {
        Item item = lock(code);
        precondition.accept(require(item, version));
        ItemVersion revised = item.revise(version, content, time.now());
        items.save(item);
        return revised;
    }

    /** Throws a draft away. */
    @Transactional
    public void discard(String code, int version, Consumer<ItemVersion> precondition) {
        Item item = lock(code);
        precondition.accept(require(item, version));
        item.discardDraft(version);
        items.save(item);
    }

    /** Publishes a draft and announces it. */
    @Transactional
    public ItemVersion publish(
            String code, int version, LocalDate validFrom, LocalDate validTo, Consumer<ItemVersion> precondition) {
        Item item = lock(code);
        precondition.accept(require(item, version));
        ItemVersion published = item.publish(version, validFrom, validTo, departments::exists, time.now());
        items.save(item);
        events.publish(
                ItemVersionPublished.TYPE, code, published.content().departmentCode(), ItemEvents.published(published));
        evictAfterCommit(code);
        return published;
    }

    /** Ends a published version's validity on {@code lastDay} (yesterday when null) and announces it. */
    @Transactional
    public ItemVersion retire(String code, int version, LocalDate lastDay) {
        Item item = lock(code);
        LocalDate today = time.today();
        ItemVersion retired = item.retire(version, lastDay == null ? today.minusDays(1) : lastDay, today, time.now());
        items.save(item);
        events.publish(ItemVersionRetired.TYPE, code, retired.content().departmentCode(), ItemEvents.retired(retired));
        evictAfterCommit(code);
        return retired;
    }

    @Transactional(readOnly = true)
    Item item(String code) {
        return items.find(code).orElseThrow(() -> Refusal.notFound("item", code));
    }

    @Transactional(readOnly = true)
    public Optional<ItemVersion> inForce(String code, LocalDate date) {
        return items.find(code).flatMap(item -> item.inForceOn(date));
    }

    /** Every item's version in force on {@code date}. */
    @Transactional(readOnly = true)
    public List<ItemVersion> allInForce(LocalDate date) {
        return items.inForceOn(date);
    }

    /** The versions in force on {@code date} of the given items; those without one are absent. */
    @Transactional(readOnly = true)
    public Map<String, ItemVersion> inForce(List<String> itemCodes, LocalDate date) {
        return items.inForceOn(itemCodes, date);
    }

    /**
     * Every published version in force today or later, as the event announcing it (retired ones with their shortened
     * validity): what a new copy starts from.
     */
    @Transactional(readOnly = true)
    public List<ItemVersionPublished> snapshot() {
        return items.currentAndScheduled(time.today()).stream()
                .map(ItemEvents::published)
                .toList();
    }

    /** Whether an item of that code exists, with or without a published version. */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return items.exists(code);
    }

    @Transactional(readOnly = true)
    Items.SearchPage search(Items.Criteria criteria, int page, int size) {
        return items.search(criteria, page, size);
    }

    public LocalDate today() {
        return time.today();
    }

    private Item lock(String code) {
        return items.findForUpdate(code).orElseThrow(() -> Refusal.notFound("item", code));
    }

    private static ItemVersion require(Item item, int version) {
        return item.version(version).orElseThrow(() -> Refusal.notFound("version", item.code() + "/" + version));
    }

    private void evictAfterCommit(String code) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.evict(code);
            }
        });
    }
}
