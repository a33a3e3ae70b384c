package org.runonce.intake.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Figures for supervisors (效能监察), computed in the database over the applications submitted in a period. */
@Component
class ApplicationStatistics {

    /**
     * @param from first day (inclusive)
     * @param to last day (inclusive)
     * @param applications submitted in the period
     * @param byChannel applications per channel
     * @param byStatus applications per status
     * @param accepted applications accepted
     * @param acceptedWithinOneVisit accepted with at most one trip to a window by then (online: none)
     * @param firstVisitAcceptanceRate {@code acceptedWithinOneVisit / accepted}
     * @param acceptedWithoutNotice accepted at first submission, without any notice
     * @param averageVisits trips per application
     * @param multipleVisitApplications applications needing more than one trip (flagged)
     * @param notices one-time notices issued
     * @param secondNotices notices after the first on the same application (flagged)
     * @param applicationsWithNotice applications that got at least one notice
     * @param acceptedWithDeficiencies accepted with deficiencies (容缺)
     * @param overduePledges of those, currently past their pledge date
     * @param evaluations ratings given
     * @param averageRating mean rating
     * @param satisfactionRate share of ratings of 4 or 5
     * @param badRatings ratings of 1 or 2
     * @param openFollowUps bad ratings whose follow-up is open
     */
    record Figures(
            LocalDate from,
            LocalDate to,
            long applications,
            Map<String, Long> byChannel,
            Map<String, Long> byStatus,
            long accepted,
            long acceptedWithinOneVisit,
            Double firstVisitAcceptanceRate,
            long acceptedWithoutNotice,
            Double averageVisits,
            long multipleVisitApplications,
            long notices,
            long secondNotices,
            long applicationsWithNotice,
            long acceptedWithDeficiencies,
            long overduePledges,
            long evaluations,
            Double averageRating,
            Double satisfactionRate,
            long badRatings,
            long openFollowUps) {}

    private final JdbcClient jdbc;

    ApplicationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figures of(LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> params = Map.of("start", Jdbc.timestamp(start), "end", Jdbc.timestamp(end));
        String period = " from application where submitted_at >= :start and submitted_at < :end";
        Map<String, Long> byChannel = new LinkedHashMap<>();
        byChannel.put("ONLINE", 0L);
        byChannel.put("WINDOW", 0L);
        jdbc.sql("select channel, count(*)" + period + " group by channel")
                .params(params)
                .query(rs -> {
                    byChannel.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("select status, count(*)" + period + " group by status order by status")
                .params(params)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.sql("""
                        select count(*) as applications,
                            count(accepted_at) as accepted,
                            count(*) filter (where accepted_at is not null and visits_at_acceptance <= 1) as within_one,
                            count(*) filter (where accepted_at is not null and notices_before_acceptance = 0) as no_notice,
                            avg(visits) as average_visits,
                            count(*) filter (where visits > 1) as multiple_visits,
                            coalesce(sum(notices), 0) as notices,
                            coalesce(sum(second_notices), 0) as second_notices,
                            count(*) filter (where notices > 0) as with_notice,
                            count(*) filter (where pledge_date is not null) as with_deficiencies,
                            count(*) filter (where status = 'OVERDUE_PLEDGE') as overdue_pledges,
                            count(rating) as evaluations,
                            avg(rating) as average_rating,
                            count(*) filter (where rating >= 4) as satisfied,
                            count(*) filter (where rating <= 2) as bad,
                            count(*) filter (where follow_up_open) as open_follow_ups
                        """ + period)
                .params(params)
                .query((rs, row) -> {
                    long accepted = rs.getLong("accepted");
                    long withinOne = rs.getLong("within_one");
                    long evaluations = rs.getLong("evaluations");
                    long satisfied = rs.getLong("satisfied");
                    return new Figures(
                            from,
                            to,
                            rs.getLong("applications"),
                            byChannel,
                            byStatus,
                            accepted,
                            withinOne,
                            accepted == 0 ? null : round((double) withinOne / accepted),
                            rs.getLong("no_notice"),
                            rs.getObject("average_visits") == null ? null : round(rs.getDouble("average_visits")),
                            rs.getLong("multiple_visits"),
                            rs.getLong("notices"),
                            rs.getLong("second_notices"),
                            rs.getLong("with_notice"),
                            rs.getLong("with_deficiencies"),
                            rs.getLong("overdue_pledges"),
                            evaluations,
                            rs.getObject("average_rating") == null ? null : round(rs.getDouble("average_rating")),
                            evaluations == 0 ? null : round((double) satisfied / evaluations),
                            rs.getLong("bad"),
                            rs.getLong("open_follow_ups"));
                })
                .single();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
