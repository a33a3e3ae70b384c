package org.runonce.catalog.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.runonce.catalog.item.ItemService;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and reading which items are handled in the service hall; each change in one transaction. */
@Service
public class HallEntryService {

    private final HallEntries entries;
    private final ItemService items;
    private final Time time;

    HallEntryService(HallEntries entries, ItemService items, Time time) {
        this.entries = entries;
        this.items = items;
        this.time = time;
    }

    /**
     * What a change left: the latest change and whether it was the item's first record.
     *
     * @param current the latest change after the request (the same as before when nothing changed)
     * @param first whether the request recorded the item's first change
     */
    record Outcome(HallEntryChange current, boolean first) {}

    /**
     * Records whether an item is handled in the hall from {@code since} (today when null).
     *
     * @param precondition checks the caller's If-Match against the latest change as it is now (under the item's
     *     lock), or its absence when nothing was recorded yet
     */
    @Transactional
    Outcome change(
            String itemCode,
            boolean entered,
            LocalDate since,
            String reason,
            String by,
            Consumer<Optional<HallEntryChange>> precondition) {
        if (!entries.lockItem(itemCode)) {
            throw Refusal.notFound("item", itemCode);
        }
        HallEntry entry = entries.find(itemCode);
        Optional<HallEntryChange> before = entry.current();
        precondition.accept(before);
        Optional<HallEntryChange> recorded = entry.change(entered, since, reason, by, time.today(), time.now());
        recorded.ifPresent(entries::add);
        return new Outcome(entry.current().orElseThrow(), before.isEmpty());
    }

    /** The latest change of an item, empty when nothing was recorded; 404 for an unknown item. */
    @Transactional(readOnly = true)
    Optional<HallEntryChange> current(String itemCode) {
        return history(itemCode).reversed().stream().findFirst();
    }

    /** Every change of an item, oldest first; 404 for an unknown item. */
    @Transactional(readOnly = true)
    List<HallEntryChange> history(String itemCode) {
        if (!items.exists(itemCode)) {
            throw Refusal.notFound("item", itemCode);
        }
        return entries.find(itemCode).changes();
    }

    /** The items handled in the hall on {@code day}; an item nothing was recorded for is not. */
    @Transactional(readOnly = true)
    public Set<String> enteredOn(LocalDate day) {
        return entries.enteredOn(day);
    }

    /**
     * Records the first change of an item nothing was recorded for yet (the demo catalog's seed); an item with a
     * record is left alone. Returns whether it recorded.
     */
    @Transactional
    public boolean recordIfAbsent(String itemCode, boolean entered, LocalDate since, String reason, String by) {
        if (!entries.lockItem(itemCode)) {
            throw Refusal.notFound("item", itemCode);
        }
        HallEntry entry = entries.find(itemCode);
        if (entry.current().isPresent()) {
            return false;
        }
        LocalDate today = time.today();
        LocalDate day = since == null || since.isAfter(today) ? today : since;
        entry.change(entered, day, reason, by, today, time.now()).ifPresent(entries::add);
        return true;
    }
}
