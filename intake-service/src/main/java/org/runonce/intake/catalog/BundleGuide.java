package org.runonce.intake.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.Name;

/**
 * A bundle ("one thing", 一件事) as last published: its items in topological order and which needs which.
 *
 * @param code e.g. {@code company-startup}
 * @param version the definition's version
 * @param name its name
 * @param items every item after those it depends on
 */
public record BundleGuide(String code, int version, Name name, List<BundlePublished.Item> items) {

    public BundleGuide {
        items = List.copyOf(items);
    }

    static BundleGuide of(BundlePublished published) {
        return new BundleGuide(published.bundleCode(), published.version(), published.name(), published.items());
    }

    public List<String> itemCodes() {
        return items.stream().map(BundlePublished.Item::itemCode).toList();
    }

    /** The items {@code itemCode} directly depends on. */
    public List<String> dependsOn(String itemCode) {
        return byCode().get(itemCode).dependsOn();
    }

    /** Every item {@code itemCode} waits for, directly or through others. */
    public Set<String> ancestorsOf(String itemCode) {
        Map<String, BundlePublished.Item> byCode = byCode();
        Set<String> ancestors = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(byCode.get(itemCode).dependsOn());
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (ancestors.add(next)) {
                pending.addAll(byCode.get(next).dependsOn());
            }
        }
        return ancestors;
    }

    private Map<String, BundlePublished.Item> byCode() {
        return items.stream().collect(Collectors.toMap(BundlePublished.Item::itemCode, Function.identity()));
    }
}
