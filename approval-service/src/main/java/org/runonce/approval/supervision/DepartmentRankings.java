package org.runonce.approval.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.runonce.starter.domain.Time;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks departments for a period by on-time rate (from {@link SupervisionStatistics}), with their satisfaction
 * (ratings kept from intake's evaluated events), visits per application (intake's completed events), cases overdue in
 * the period and open accountability records: one query per figure, grouped by department.
 */
@Service
class DepartmentRankings {

    private final SupervisionStatistics statistics;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    DepartmentRankings(SupervisionStatistics statistics, JdbcClient jdbc, Time time) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.zone = time.zone();
    }

    private static final class Figures {
        long decided;
        long decidedOnTime;
        Double onTimeRate;
        long ratings;
        Double averageRating;
        Double badShare;
        long completed;
        Double visits;
        long overdue;
        long openRecords;
    }

    @Transactional(readOnly = true)
    List<DepartmentRanking> of(LocalDate from, LocalDate to) {
        Map<String, Figures> by = new TreeMap<>();
        for (DepartmentStatistics s : statistics.of(from, to, null)) {
            var f = by.computeIfAbsent(s.departmentCode(), k -> new Figures());
            f.decided = s.decided();
            f.decidedOnTime = s.decidedOnTime();
            f.onTimeRate = s.onTimeRate();
        }
        var params = Map.<String, Object>of("from", from, "to", to, "zone", zone.getId());
        jdbc.sql("""
                        select department_code, count(*), avg(rating), avg(case when rating <= 2 then 1.0 else 0.0 end)
                        from department_rating
                        where (evaluated_at at time zone :zone)::date between :from and :to
                        group by department_code""").params(params).query(rs -> {
            var f = by.computeIfAbsent(rs.getString(1), k -> new Figures());
            f.ratings = rs.getLong(2);
            f.averageRating = rs.getDouble(3);
            f.badShare = rs.getDouble(4);
        });
        jdbc.sql("""
                        select department_code, count(*), avg(visits) from application_visits
                        where (completed_at at time zone :zone)::date between :from and :to
                        group by department_code""").params(params).query(rs -> {
            var f = by.computeIfAbsent(rs.getString(1), k -> new Figures());
            f.completed = rs.getLong(2);
            f.visits = rs.getDouble(3);
        });
        jdbc.sql("""
                        select department_code, count(*) from approval_case
                        where (overdue_at at time zone :zone)::date between :from and :to
                        group by department_code""").params(params).query(rs -> {
            by.computeIfAbsent(rs.getString(1), k -> new Figures()).overdue = rs.getLong(2);
        });
        jdbc.sql("""
                        select department_code, count(*) from accountability_record
                        where state = 'OPEN' and (occurred_at at time zone :zone)::date between :from and :to
                        group by department_code""").params(params).query(rs -> {
            by.computeIfAbsent(rs.getString(1), k -> new Figures()).openRecords = rs.getLong(2);
        });

        var order = new ArrayList<>(by.entrySet());
        order.sort(Comparator.comparing(
                        (Map.Entry<String, Figures> e) -> e.getValue().onTimeRate,
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Map.Entry::getKey));
        List<DepartmentRanking> ranking = new ArrayList<>();
        Integer rank = null;
        Double previous = null;
        for (int i = 0; i < order.size(); i++) {
            var f = order.get(i).getValue();
            if (f.onTimeRate == null) {
                rank = null;
            } else if (!f.onTimeRate.equals(previous)) {
                rank = i + 1;
                previous = f.onTimeRate;
            }
            ranking.add(new DepartmentRanking(
                    rank,
                    order.get(i).getKey(),
                    f.decided,
                    f.decidedOnTime,
                    f.onTimeRate,
                    f.ratings,
                    f.averageRating,
                    f.badShare,
                    f.completed,
                    f.visits,
                    f.overdue,
                    f.openRecords));
        }
        return ranking;
    }
}
