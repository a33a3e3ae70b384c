package org.runonce.catalog.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.HandlingMode;

/**
 * Reform progress over the guides in force (one per item): overall and per department, the share of items per
 * handling mode, the share that needs at most one visit against the reform's staged targets, how far the
 * promised limits cut the statutory ones on average, and the entry rate (进驻率): the share of the items that are
 * handled in the service hall.
 *
 * @param overall figures over every item
 * @param departments figures per department, ordered by department code
 */
record ReformStatistics(Figures overall, List<Figures> departments) {

    /** The staged targets for the share of zero/one-visit items: 50%, then 70%, then 85%. */
    public static final List<BigDecimal> TARGETS =
            List.of(new BigDecimal("0.50"), new BigDecimal("0.70"), new BigDecimal("0.85"));

    /**
     * @param departmentCode the department, or null for the overall figures
     * @param publishedItems items with a guide in force
     * @param byHandlingMode items and share per handling mode, every mode listed
     * @param atMostOneVisitItems items with a mode needing at most one visit
     * @param atMostOneVisitShare their share, 0..1 rounded to 4 places
     * @param targets each target and whether the share reaches it
     * @param averagePromisedCut mean of (1 - promised/statutory) over items with a statutory limit, 0..1
     * @param enteredItems items handled in the service hall (进驻) that day
     * @param entryRate {@code enteredItems / publishedItems}, 0..1 rounded to 4 places (0 without items)
     */
    public record Figures(
            String departmentCode,
            int publishedItems,
            List<ModeShare> byHandlingMode,
            int atMostOneVisitItems,
            BigDecimal atMostOneVisitShare,
            List<Target> targets,
            BigDecimal averagePromisedCut,
            int enteredItems,
            BigDecimal entryRate) {}

    /** How many items use a mode, and their share. */
    public record ModeShare(HandlingMode mode, int items, BigDecimal share) {}

    /** One staged target and whether it is reached. */
    public record Target(BigDecimal share, boolean reached) {}

    /**
     * An item counted: its guide in force and whether it is handled in the service hall that day.
     *
     * @param guide the guide in force
     * @param entered handled in the hall
     */
    record Counted(GuideContent guide, boolean entered) {}

    /** Computes the statistics over the guides in force, one per item, none of them handled in the hall. */
    public static ReformStatistics of(Collection<GuideContent> guidesInForce) {
        return counted(guidesInForce.stream().map(g -> new Counted(g, false)).toList());
    }

    /**
     * Computes the statistics over the guides in force, one per item.
     *
     * @param guidesInForce each item's guide in force, by item code
     * @param entered the items handled in the service hall that day
     */
    public static ReformStatistics of(Map<String, GuideContent> guidesInForce, Set<String> entered) {
        return counted(guidesInForce.entrySet().stream()
                .map(e -> new Counted(e.getValue(), entered.contains(e.getKey())))
                .toList());
    }

    private static ReformStatistics counted(List<Counted> items) {
        Map<String, List<Counted>> byDepartment = items.stream()
                .collect(Collectors.groupingBy(
                        c -> Objects.requireNonNullElse(c.guide().departmentCode(), "?"),
                        TreeMap::new,
                        Collectors.toList()));
        List<Figures> departments = new ArrayList<>();
        byDepartment.forEach((department, counted) -> departments.add(figures(department, counted)));
        return new ReformStatistics(figures(null, items), departments);
    }

    private static Figures figures(String department, List<Counted> counted) {
        List<GuideContent> guides = counted.stream().map(Counted::guide).toList();
        int entered = (int) counted.stream().filter(Counted::entered).count();
        Map<HandlingMode, Integer> counts = new EnumMap<>(HandlingMode.class);
        for (HandlingMode mode : HandlingMode.values()) {
            counts.put(mode, 0);
        }
        guides.stream()
                .map(GuideContent::handlingMode)
                .filter(Objects::nonNull)
                .forEach(mode -> counts.merge(mode, 1, Integer::sum));
        int total = guides.size();
        List<ModeShare> shares = counts.entrySet().stream()
                .map(e -> new ModeShare(e.getKey(), e.getValue(), share(e.getValue(), total)))
                .toList();
        int atMostOne = counts.entrySet().stream()
                .filter(e -> e.getKey().atMostOneVisit())
                .mapToInt(Map.Entry::getValue)
                .sum();
        BigDecimal atMostOneShare = share(atMostOne, total);
        List<Target> targets = TARGETS.stream()
                .map(t -> new Target(t, total > 0 && atMostOneShare.compareTo(t) >= 0))
                .toList();
        return new Figures(
                department,
                total,
                shares,
                atMostOne,
                atMostOneShare,
                targets,
                averageCut(guides),
                entered,
                share(entered, total));
    }

    private static BigDecimal averageCut(Collection<GuideContent> guides) {
        List<BigDecimal> cuts = guides.stream()
                .map(GuideContent::timeLimits)
                .filter(t -> t != null
                        && t.statutoryWorkingDays() != null
                        && t.statutoryWorkingDays() > 0
                        && t.promisedWorkingDays() != null)
                .map(t -> BigDecimal.ONE.subtract(BigDecimal.valueOf(t.promisedWorkingDays())
                        .divide(BigDecimal.valueOf(t.statutoryWorkingDays()), 10, RoundingMode.HALF_UP)))
                .toList();
        if (cuts.isEmpty()) {
            return BigDecimal.ZERO.setScale(4);
        }
        return cuts.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(cuts.size()), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(int part, int total) {
        return total == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
