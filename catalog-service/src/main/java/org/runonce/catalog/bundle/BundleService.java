package org.runonce.catalog.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.Forms;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining bundles (each definition published at once) and planning them against the guides in force. */
@Service
public class BundleService {

    private final Bundles bundles;
    private final ItemService items;
    private final Events events;
    private final Time time;

    BundleService(Bundles bundles, ItemService items, Events events, Time time) {
        this.bundles = bundles;
        this.items = items;
        this.events = events;
        this.time = time;
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
            Name name,
            String description,
            List<BundleItem> bundleItems,
            Consumer<Optional<Bundle>> precondition) {
        Optional<Bundle> existing = bundles.findForUpdate(code);
        precondition.accept(existing);
        Bundle bundle;
        if (existing.isPresent()) {
            bundle = existing.get();
            bundle.redefine(name, description, bundleItems, time.now());
        } else {
            bundle = Bundle.define(code, name, description, bundleItems, time.now());
        }
        List<String> unavailable = bundle.itemCodes().stream()
                .filter(itemCode -> items.inForce(itemCode, time.today()).isEmpty())
                .toList();
        if (!unavailable.isEmpty()) {
            throw new Refusal(
                            422,
                            "bundle-items-unavailable",
                            "Bundle items without a guide in force",
                            "these items do not exist or have no published guide in force: " + unavailable)
                    .with("items", unavailable);
        }
        bundles.save(bundle);
        events.publish(BundlePublished.TYPE, bundle.code(), published(bundle));
        return bundle;
    }

    @Transactional(readOnly = true)
    List<Bundle> all() {
        return bundles.all();
    }

    /** Whether a bundle of that code is defined. */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return bundles.find(code).isPresent();
    }

    /** Every bundle as the event announcing its current definition: what a new copy starts from. */
    @Transactional(readOnly = true)
    public List<BundlePublished> snapshot() {
        return bundles.all().stream().map(BundleService::published).toList();
    }

    @Transactional(readOnly = true)
    Bundle bundle(String code) {
        return bundles.find(code).orElseThrow(() -> Refusal.notFound("bundle", code));
    }

    /** The bundle with the guides of its items in force on {@code date}. */
    @Transactional(readOnly = true)
    BundleView view(String code, LocalDate date) {
        Bundle bundle = bundle(code);
        Map<String, ItemVersion> versions = items.inForce(bundle.itemCodes(), date);
        Map<String, GuideContent> guides = new HashMap<>();
        versions.forEach((itemCode, version) -> guides.put(itemCode, version.content()));
        return BundleView.of(bundle, versions, BundlePlan.of(bundle, guides));
    }

    /**
     * The one form of an application for the bundle on {@code date}: the union of its items' forms in force
     * ({@link Forms#union}), with {@code x-item-versions} naming the version of each item it was built from. Items
     * without a guide in force that day are left out and listed in {@code x-items-without-guide}.
     */
    @Transactional(readOnly = true)
    Map<String, Object> form(String code, LocalDate date) {
        Bundle bundle = bundle(code);
        Map<String, ItemVersion> versions = items.inForce(bundle.itemCodes(), date);
        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        Map<String, Integer> pinned = new LinkedHashMap<>();
        List<String> withoutGuide = new ArrayList<>();
        for (String itemCode : bundle.topologicalOrder()) {
            ItemVersion version = versions.get(itemCode);
            if (version == null) {
                withoutGuide.add(itemCode);
            } else {
                forms.put(itemCode, version.content().form());
                pinned.put(itemCode, version.number());
            }
        }
        Map<String, Object> form = Forms.union(forms, bundle.name());
        form.put("x-item-versions", pinned);
        if (!withoutGuide.isEmpty()) {
            form.put("x-items-without-guide", withoutGuide);
        }
        return form;
    }

    LocalDate today() {
        return time.today();
    }

    /** The event carrying a bundle's definition, items in topological order. */
    static BundlePublished published(Bundle bundle) {
        Map<String, BundleItem> byCode = new HashMap<>();
        bundle.items().forEach(item -> byCode.put(item.itemCode(), item));
        return new BundlePublished(
                bundle.code(),
                bundle.version(),
                bundle.name(),
                bundle.description(),
                bundle.topologicalOrder().stream()
                        .map(itemCode -> new BundlePublished.Item(
                                itemCode, byCode.get(itemCode).dependsOn()))
                        .toList(),
                bundle.publishedAt());
    }
}
