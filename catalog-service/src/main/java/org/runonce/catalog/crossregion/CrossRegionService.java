package org.runonce.catalog.crossregion;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing the items a region accepts for others (通办清单), each revision announced as an event. */
@Service
public class CrossRegionService {

    private final CrossRegionLists lists;
    private final Events events;
    private final Time time;

    CrossRegionService(CrossRegionLists lists, Events events, Time time) {
        this.lists = lists;
        this.events = events;
        this.time = time;
    }

    /**
     * Replaces the accepting region's list with a new revision (the first one when it has none) and announces it;
     * invalid input is refused with every field, nothing changed. The same entries again change nothing.
     *
     * @param precondition checks the caller's If-Match against the current list, if there is one
     */
    @Transactional
    public CrossRegionList publish(
            String region,
            List<CrossRegionList.Entry> entries,
            String by,
            Consumer<Optional<CrossRegionList>> precondition) {
        List<CrossRegionList.Entry> checked = CrossRegionList.checked(region, entries, lists::homeRegionsOf);
        Optional<CrossRegionList> current = lists.findForUpdate(region);
        precondition.accept(current);
        if (current.isPresent() && current.get().entries().equals(checked)) {
            return current.get();
        }
        CrossRegionList list =
                new CrossRegionList(region, current.map(c -> c.revision() + 1).orElse(1), checked, by, time.now());
        lists.save(list);
        events.publish(CrossRegionListPublished.TYPE, region, published(list));
        return list;
    }

    @Transactional(readOnly = true)
    List<CrossRegionList> all() {
        return lists.all();
    }

    @Transactional(readOnly = true)
    CrossRegionList of(String region) {
        return lists.find(region).orElseThrow(() -> Refusal.notFound("cross-region list", region));
    }

    /** Whether the region has a list. */
    @Transactional(readOnly = true)
    public boolean exists(String region) {
        return lists.find(region).isPresent();
    }

    /** Every list as the event announcing its current revision: what a new copy starts from. */
    @Transactional(readOnly = true)
    public List<CrossRegionListPublished> snapshot() {
        return lists.all().stream().map(CrossRegionService::published).toList();
    }

    static CrossRegionListPublished published(CrossRegionList list) {
        return new CrossRegionListPublished(
                list.acceptingRegion(),
                list.revision(),
                list.entries().stream()
                        .map(e -> new CrossRegionListPublished.Entry(e.itemCode(), e.homeRegions()))
                        .toList(),
                list.publishedAt());
    }
}
