package org.runonce.catalog.bundle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runonce.catalog.item.HandlingMode;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.contracts.catalog.Name;

/**
 * A bundle as applicants see it on a given day: its items in order, what to hand in once, and how long it takes.
 *
 * @param code the bundle
 * @param version its definition's version
 * @param name its name
 * @param description for applicants
 * @param publishedAt when this definition was published
 * @param items the items in a topological order
 * @param materials what to hand in, each material once
 * @param criticalPath the longest chain of dependent items
 * @param promisedWorkingDays promised working days along the critical path
 * @param statutoryWorkingDays statutory working days along the critical path
 * @param maxVisits the most visits any item needs
 * @param itemsWithoutGuide items with no guide in force that day
 */
record BundleView(
        String code,
        int version,
        Name name,
        String description,
        Instant publishedAt,
        List<Item> items,
        List<MergedMaterial> materials,
        List<String> criticalPath,
        int promisedWorkingDays,
        int statutoryWorkingDays,
        int maxVisits,
        List<String> itemsWithoutGuide) {

    /**
     * One item of the bundle, with its guide in force.
     *
     * @param itemCode the item
     * @param dependsOn items it waits for
     * @param version version of its guide in force, or null
     * @param name its name
     * @param departmentCode its department
     * @param handlingMode its handling mode
     * @param promisedWorkingDays its promised limit
     */
    public record Item(
            String itemCode,
            List<String> dependsOn,
            Integer version,
            Name name,
            String departmentCode,
            HandlingMode handlingMode,
            Integer promisedWorkingDays) {}

    static BundleView of(Bundle bundle, Map<String, ItemVersion> versions, BundlePlan plan) {
        Map<String, BundleItem> byCode = new HashMap<>();
        bundle.items().forEach(item -> byCode.put(item.itemCode(), item));
        List<Item> items = bundle.topologicalOrder().stream()
                .map(code -> {
                    ItemVersion v = versions.get(code);
                    List<String> dependsOn = byCode.get(code).dependsOn();
                    if (v == null) {
                        return new Item(code, dependsOn, null, null, null, null, null);
                    }
                    var content = v.content();
                    return new Item(
                            code,
                            dependsOn,
                            v.number(),
                            content.name(),
                            content.departmentCode(),
                            content.handlingMode(),
                            content.timeLimits() == null
                                    ? null
                                    : content.timeLimits().promisedWorkingDays());
                })
                .toList();
        return new BundleView(
                bundle.code(),
                bundle.version(),
                bundle.name(),
                bundle.description(),
                bundle.publishedAt(),
                items,
                plan.materials(),
                plan.criticalPath(),
                plan.promisedWorkingDays(),
                plan.statutoryWorkingDays(),
                plan.maxVisits(),
                plan.itemsWithoutGuide());
    }
}
