package org.runonce.intake.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reform figures by volume: of the business accepted in a period, counted by case (one per item of an accepted
 * application, so a bundle counts each of its items), the share per handling mode of the item version the
 * application was filed under; beside it the same shares by item count over the catalog copy's items in force on the
 * period's last day; both against the staged targets (50 / 70 / 85 %) with their due days. Computed in the database.
 */
@Component
class HandlingModeShares {

    /** Every handling mode the catalog knows, listed even when nothing used it. */
    static final List<String> MODES =
            List.of("ZERO_VISIT", "RUN_ONCE", "IMMEDIATE", "ONLINE_PRE_REVIEW", "MULTIPLE_VISITS");

    /**
     * @param from first day of the period (inclusive)
     * @param to last day (inclusive)
     * @param countedModes the modes that count towards the targets (needing at most one visit)
     * @param overall every department
     * @param departments per department (of the cases or of the items), ordered by code
     */
    record Figures(LocalDate from, LocalDate to, List<String> countedModes, Shares overall, List<Shares> departments) {}

    /**
     * Shares by volume and by item count side by side, and where they stand against each target.
     *
     * @param departmentCode the department, or null overall
     * @param byVolume over the cases of the applications accepted in the period
     * @param byItemCount over the items in force on the period's last day
     * @param targets each target, whether due by the period's end, and whether each share reaches it
     */
    record Shares(String departmentCode, Volume byVolume, ItemCount byItemCount, List<TargetCheck> targets) {}

    /**
     * @param applications applications accepted in the period (with a case of the department)
     * @param cases their cases (items) of the department
     * @param byHandlingMode cases and share per mode; every mode listed ({@code UNKNOWN} only for a case whose item
     *     version is missing from the catalog copy)
     * @param atMostOneVisitCases cases whose item's mode counts towards the targets
     * @param atMostOneVisitShare their share of the cases, 0..1 rounded to 4 places; null without cases
     */
    record Volume(
            long applications,
            long cases,
            List<ModeCount> byHandlingMode,
            long atMostOneVisitCases,
            Double atMostOneVisitShare) {}

    /**
     * @param on the day the items are in force (the period's last day)
     * @param items items with a version in force in the catalog copy
     * @param byHandlingMode items and share per mode, every mode listed
     * @param atMostOneVisitItems items whose mode counts towards the targets
     * @param atMostOneVisitShare their share, 0..1 rounded to 4 places; null without items
     */
    record ItemCount(
            LocalDate on,
            long items,
            List<ModeCount> byHandlingMode,
            long atMostOneVisitItems,
            Double atMostOneVisitShare) {}

    /**
     * @param mode a handling mode of the catalog
     * @param count cases or items
     * @param share of all cases or items, 0..1 rounded to 4 places; null when there are none
     */
    record ModeCount(String mode, long count, Double share) {}

    /**
     * @param share the share to reach
     * @param due the day it is due
     * @param dueByPeriodEnd whether the period ends on or after that day
     * @param reachedByVolume whether the share by volume reaches it (false without cases)
     * @param reachedByItemCount whether the share by item count reaches it (false without items)
     */
    record TargetCheck(
            double share, LocalDate due, boolean dueByPeriodEnd, boolean reachedByVolume, boolean reachedByItemCount) {}

    private final JdbcClient jdbc;
    private final ReformTargets targets;

    HandlingModeShares(JdbcClient jdbc, ReformTargets targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    Figures of(LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // department -> mode -> cases; and applications per department
        Map<String, Map<String, Long>> cases = new TreeMap<>();
        jdbc.sql("""
                        select c.track ->> 'departmentCode' as department,
                            coalesce(v.content ->> 'handlingMode', 'UNKNOWN') as mode,
                            count(*) as cases
                        from application a
                        cross join lateral jsonb_array_elements(a.state -> 'cases') as c(track)
                        left join catalog_item_version v
                            on v.item_code = c.track ->> 'itemCode' and v.version = (c.track ->> 'itemVersion')::int
                        where a.accepted_at >= :start and a.accepted_at < :end
                        group by 1, 2
                        """)
                .param("start", Jdbc.timestamp(start))
                .param("end", Jdbc.timestamp(end))
                .query(rs -> {
                    cases.computeIfAbsent(rs.getString("department"), d -> new LinkedHashMap<>())
                            .put(rs.getString("mode"), rs.getLong("cases"));
                });
        Map<String, Long> applications = new TreeMap<>();
        jdbc.sql("""
                        select d.department, count(distinct a.number) as applications
                        from application a
                        cross join lateral (
                            select distinct c ->> 'departmentCode' as department
                            from jsonb_array_elements(a.state -> 'cases') as c) d
                        where a.accepted_at >= :start and a.accepted_at < :end
                        group by 1
                        """)
                .param("start", Jdbc.timestamp(start))
                .param("end", Jdbc.timestamp(end))
                .query(rs -> {
                    applications.put(rs.getString("department"), rs.getLong("applications"));
                });
        long acceptedApplications = jdbc.sql("""
                        select count(*) from application
                        where accepted_at >= :start and accepted_at < :end and jsonb_array_length(state -> 'cases') > 0
                        """)
                .param("start", Jdbc.timestamp(start))
                .param("end", Jdbc.timestamp(end))
                .query(Long.class)
                .single();
        // department -> mode -> items in force on the last day, one version per item
        Map<String, Map<String, Long>> items = new TreeMap<>();
        jdbc.sql("""
                        select department_code, content ->> 'handlingMode' as mode, count(*) as items
                        from (
                            select distinct on (item_code) item_code, department_code, content
                            from catalog_item_version
                            where valid_from <= :day and (valid_to is null or valid_to >= :day)
                            order by item_code, version desc) in_force
                        group by 1, 2
                        """).param("day", to).query(rs -> {
            items.computeIfAbsent(rs.getString("department_code"), d -> new LinkedHashMap<>())
                    .put(rs.getString("mode"), rs.getLong("items"));
        });

        Map<String, Long> allCases = sum(cases.values());
        Map<String, Long> allItems = sum(items.values());
        Shares overall = shares(null, acceptedApplications, allCases, allItems, to);
        Set<String> departments = new TreeSet<>(cases.keySet());
        departments.addAll(items.keySet());
        List<Shares> perDepartment = new ArrayList<>();
        for (String department : departments) {
            perDepartment.add(shares(
                    department,
                    applications.getOrDefault(department, 0L),
                    cases.getOrDefault(department, Map.of()),
                    items.getOrDefault(department, Map.of()),
                    to));
        }
        return new Figures(from, to, targets.countedModes(), overall, perDepartment);
    }

    private Shares shares(
            String department,
            long applications,
            Map<String, Long> casesByMode,
            Map<String, Long> itemsByMode,
            LocalDate to) {
        long cases = total(casesByMode);
        long counted = counted(casesByMode);
        Double volumeShare = share(counted, cases);
        long items = total(itemsByMode);
        long countedItems = counted(itemsByMode);
        Double itemShare = share(countedItems, items);
        List<TargetCheck> checks = targets.targets().stream()
                .map(t -> new TargetCheck(
                        t.share(),
                        t.due(),
                        !to.isBefore(t.due()),
                        volumeShare != null && volumeShare >= t.share(),
                        itemShare != null && itemShare >= t.share()))
                .toList();
        return new Shares(
                department,
                new Volume(applications, cases, modeCounts(casesByMode, cases), counted, volumeShare),
                new ItemCount(to, items, modeCounts(itemsByMode, items), countedItems, itemShare),
                checks);
    }

    private long counted(Map<String, Long> byMode) {
        return byMode.entrySet().stream()
                .filter(e -> targets.countedModes().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static List<ModeCount> modeCounts(Map<String, Long> byMode, long total) {
        List<ModeCount> counts = new ArrayList<>();
        for (String mode : MODES) {
            long count = byMode.getOrDefault(mode, 0L);
            counts.add(new ModeCount(mode, count, share(count, total)));
        }
        byMode.forEach((mode, count) -> {
            if (!MODES.contains(mode)) {
                counts.add(new ModeCount(mode, count, share(count, total)));
            }
        });
        return counts;
    }

    private static Map<String, Long> sum(Iterable<Map<String, Long>> maps) {
        Map<String, Long> sum = new LinkedHashMap<>();
        maps.forEach(m -> m.forEach((mode, count) -> sum.merge(mode, count, Long::sum)));
        return sum;
    }

    private static long total(Map<String, Long> byMode) {
        return byMode.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Double share(long part, long total) {
        return total == 0 ? null : Math.round((double) part / total * 10_000) / 10_000.0;
    }
}
