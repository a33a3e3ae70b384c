package org.runonce.approval.cases;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The departments' queues for the dashboard: {@code runonce_cases{status}} open cases by status (all departments of
 * the platform), {@code runonce_cases_overdue} open cases past their promised day. One grouped query on the open
 * cases' partial index per scrape, at most every {@link #FRESH} (the gauges share it), none when nobody scrapes.
 */
@Component
class CaseMeters implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private Counts counts;

    CaseMeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Status status : Status.values()) {
            if (!status.isFinal()) {
                Gauge.builder("runonce.cases", () -> counts().byStatus().getOrDefault(status, 0L))
                        .tag("status", status.name())
                        .description("Open cases in this status, all departments")
                        .register(registry);
            }
        }
        Gauge.builder("runonce.cases.overdue", () -> counts().overdue())
                .description("Open cases past their promised day")
                .register(registry);
    }

    private synchronized Counts counts() {
        long now = System.nanoTime();
        if (counts == null || now - counts.at() > FRESH.toNanos()) {
            Map<Status, Long> byStatus = new EnumMap<>(Status.class);
            long[] overdue = {0};
            jdbc.sql("""
                            select status, count(*) as open, count(*) filter (where overdue_at is not null) as overdue
                            from approval_case
                            where status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
                            group by status""").query(rs -> {
                byStatus.put(Status.valueOf(rs.getString("status")), rs.getLong("open"));
                overdue[0] += rs.getLong("overdue");
            });
            counts = new Counts(now, byStatus, overdue[0]);
        }
        return counts;
    }

    /** The next scrape reads the database again. */
    synchronized void expire() {
        counts = null;
    }

    private record Counts(long at, Map<Status, Long> byStatus, long overdue) {}
}
