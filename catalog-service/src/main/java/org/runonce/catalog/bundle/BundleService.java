package org.runonce.catalog.bundle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.catalog.shared.Names;
import org.runonce.catalog.shared.Refusal;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining bundles (each definition published at once) and planning them against the guides in force. */
@Service
public class BundleService {

    private final Bundles bundles;
    private final ItemService items;
    private final Events events;
    private final Clock clock;

    BundleService(Bundles bundles, ItemService items, Events events, Clock clock) {
        this.bundles = bundles;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Defines a new bundle or redefines an existing one, and announces it. Every item must have a guide in force
     * today.
     *
     * @param precondition checks the caller's If-Match against the current bundle, if there is one
     */
    @Transactional
    public Bundle define(
            String code,
            Names name,
            String description,
            List<BundleItem> bundleItems,
            Consumer<Optional<Bundle>> precondition) {
        Optional<Bundle> existing = bundles.findForUpdate(code);
        precondition.accept(existing);
        Bundle bundle;
        if (existing.isPresent()) {
            bundle = existing.get();
            bundle.redefine(name, description, bundleItems, clock.instant());
        } else {
            bundle = Bundle.define(code, name, description, bundleItems, clock.instant());
        }
        List<String> unavailable = bundle.itemCodes().stream()
                .filter(itemCode ->
                        items.inForce(itemCode, LocalDate.now(clock)).isEmpty())
                .toList();
        if (!unavailable.isEmpty()) {
            throw new Refusal(
                    422,
                    "bundle-items-unavailable",
                    "Bundle items without a guide in force",
                    "these items do not exist or have no published guide in force: " + unavailable,
                    Map.of("items", unavailable));
        }
        bundles.save(bundle);
        events.publish(BundlePublished.TYPE, bundle.code(), published(bundle));
        return bundle;
    }

    @Transactional(readOnly = true)
    public List<Bundle> all() {
        return bundles.all();
    }

    @Transactional(readOnly = true)
    public Bundle bundle(String code) {
        return bundles.find(code).orElseThrow(() -> Refusal.notFound("bundle", code));
    }

    /** The bundle with the guides of its items in force on {@code date}. */
    @Transactional(readOnly = true)
    public BundleView view(String code, LocalDate date) {
        Bundle bundle = bundle(code);
        Map<String, ItemVersion> versions = items.inForce(bundle.itemCodes(), date);
        Map<String, GuideContent> guides = new HashMap<>();
        versions.forEach((itemCode, version) -> guides.put(itemCode, version.content()));
        return BundleView.of(bundle, versions, BundlePlan.of(bundle, guides));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The event carrying a bundle's definition, items in topological order. */
    public static BundlePublished published(Bundle bundle) {
        Map<String, BundleItem> byCode = new HashMap<>();
        bundle.items().forEach(item -> byCode.put(item.itemCode(), item));
        return new BundlePublished(
                bundle.code(),
                bundle.version(),
                new Name(bundle.name().zh(), bundle.name().en()),
                bundle.description(),
                bundle.topologicalOrder().stream()
                        .map(itemCode -> new BundlePublished.Item(
                                itemCode, byCode.get(itemCode).dependsOn()))
                        .toList(),
                bundle.publishedAt());
    }
}
