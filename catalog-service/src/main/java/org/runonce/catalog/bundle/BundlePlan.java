package org.runonce.catalog.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.Material;

/**
 * What a bundle asks of an applicant and how long it takes, given the guide in force of each of its items: the
 * merged material list (each material once; materials another earlier item's certificate satisfies marked as
 * such) and the promised working days along the critical path (the longest chain of dependent items).
 *
 * @param materials merged materials in bundle order
 * @param criticalPath item codes of the longest chain, first to last
 * @param promisedWorkingDays sum of the promised working days along the critical path
 * @param statutoryWorkingDays sum of the statutory working days along the same path
 * @param maxVisits the most visits any item needs; with one window for the bundle, the applicant's visits
 * @param itemsWithoutGuide items with no guide in force, left out of the plan
 */
record BundlePlan(
        List<MergedMaterial> materials,
        List<String> criticalPath,
        int promisedWorkingDays,
        int statutoryWorkingDays,
        int maxVisits,
        List<String> itemsWithoutGuide) {

    /** Plans {@code bundle} with the guide content in force of its items, keyed by item code. */
    public static BundlePlan of(Bundle bundle, Map<String, GuideContent> guides) {
        List<String> order = bundle.topologicalOrder();
        List<String> withoutGuide =
                order.stream().filter(code -> !guides.containsKey(code)).toList();
        return new BundlePlan(
                mergeMaterials(bundle, order, guides),
                criticalPath(bundle, order, guides),
                sumAlongCriticalPath(bundle, order, guides, true),
                sumAlongCriticalPath(bundle, order, guides, false),
                order.stream()
                        .map(guides::get)
                        .filter(Objects::nonNull)
                        .mapToInt(g -> Objects.requireNonNullElse(g.visitsRequired(), 0))
                        .max()
                        .orElse(0),
                withoutGuide);
    }

    private static List<MergedMaterial> mergeMaterials(
            Bundle bundle, List<String> order, Map<String, GuideContent> guides) {
        Map<String, Accumulator> byCode = new LinkedHashMap<>();
        for (String itemCode : order) {
            GuideContent guide = guides.get(itemCode);
            if (guide == null) {
                continue;
            }
            for (Material material : guide.materials()) {
                byCode.computeIfAbsent(material.code(), code -> new Accumulator(material))
                        .add(itemCode, material, satisfiedBy(bundle, itemCode, material));
            }
        }
        return byCode.values().stream().map(Accumulator::merged).toList();
    }

    /** The bundle item that provides this material before {@code itemCode} needs it, or null. */
    private static String satisfiedBy(Bundle bundle, String itemCode, Material material) {
        String provider = material.satisfiedByCertificateOf();
        return provider != null && bundle.ancestorsOf(itemCode).contains(provider) ? provider : null;
    }

    private static List<String> criticalPath(Bundle bundle, List<String> order, Map<String, GuideContent> guides) {
        Map<String, Integer> finish = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        Map<String, List<String>> dependencies = dependencies(bundle);
        String last = null;
        for (String itemCode : order) {
            int start = 0;
            String via = null;
            for (String dependency : dependencies.get(itemCode)) {
                if (via == null || finish.get(dependency) > start) {
                    start = finish.get(dependency);
                    via = dependency;
                }
            }
            if (via != null) {
                previous.put(itemCode, via);
            }
            finish.put(itemCode, start + promised(guides.get(itemCode)));
            if (last == null || finish.get(itemCode) > finish.get(last)) {
                last = itemCode;
            }
        }
        List<String> path = new ArrayList<>();
        for (String at = last; at != null; at = previous.get(at)) {
            path.addFirst(at);
        }
        return path;
    }

    private static int sumAlongCriticalPath(
            Bundle bundle, List<String> order, Map<String, GuideContent> guides, boolean promised) {
        return criticalPath(bundle, order, guides).stream()
                .map(guides::get)
                .mapToInt(g -> promised ? promised(g) : statutory(g))
                .sum();
    }

    private static Map<String, List<String>> dependencies(Bundle bundle) {
        Map<String, List<String>> dependencies = new HashMap<>();
        bundle.items().forEach(item -> dependencies.put(item.itemCode(), item.dependsOn()));
        return dependencies;
    }

    private static int promised(GuideContent guide) {
        return guide == null || guide.timeLimits() == null || guide.timeLimits().promisedWorkingDays() == null
                ? 0
                : guide.timeLimits().promisedWorkingDays();
    }

    private static int statutory(GuideContent guide) {
        return guide == null || guide.timeLimits() == null || guide.timeLimits().statutoryWorkingDays() == null
                ? 0
                : guide.timeLimits().statutoryWorkingDays();
    }

    private static final class Accumulator {
        private final Material first;
        private final List<String> neededBy = new ArrayList<>();
        private boolean required;
        private boolean key;
        private String templateUrl;
        private String satisfiedBy;
        private boolean satisfiedForAll = true;

        Accumulator(Material first) {
            this.first = first;
        }

        void add(String itemCode, Material material, String providedBy) {
            neededBy.add(itemCode);
            required |= material.required();
            key |= material.key();
            if (templateUrl == null) {
                templateUrl = material.templateUrl();
            }
            if (providedBy == null || (satisfiedBy != null && !satisfiedBy.equals(providedBy))) {
                satisfiedForAll = false;
            } else {
                satisfiedBy = providedBy;
            }
        }

        MergedMaterial merged() {
            return new MergedMaterial(
                    first.code(),
                    first.name(),
                    required,
                    key,
                    first.form(),
                    templateUrl,
                    List.copyOf(neededBy),
                    satisfiedForAll ? satisfiedBy : null);
        }
    }
}
