package org.runonce.approval.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The read side of cases: department queues, filtered and paged, clocks as of today (one calendar per region). */
@Repository
class CaseQueue {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogCopy catalog;
    private final Time time;

    CaseQueue(JdbcClient jdbc, JsonMapper json, CatalogCopy catalog, Time time) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.time = time;
    }

    List<CaseView.Summary> query(QueueFilter filter, QueueFilter.Page page) {
        StringBuilder sql = new StringBuilder("select * from approval_case where true");
        var params = new LinkedHashMap<String, Object>();
        if (filter.department() != null) {
            sql.append(" and department_code = :department");
            params.put("department", filter.department());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.assignee() != null) {
            if (filter.assignee().isEmpty()) {
                sql.append(" and assignee is null");
            } else {
                sql.append(" and assignee = :assignee");
                params.put("assignee", filter.assignee());
            }
        }
        if (filter.openOnly()) {
            sql.append(" and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')");
        }
        if (filter.flagged()) {
            sql.append(" and (warned_at is not null or overdue_at is not null)");
        }
        if (filter.openedSince() != null) {
            sql.append(" and opened_at >= :openedSince order by opened_at, number");
            params.put("openedSince", Jdbc.timestamp(filter.openedSince()));
        } else {
            sql.append(" order by overdue_at nulls last, warned_at nulls last, accepted_at, number");
        }
        sql.append(" limit :limit offset :offset");
        params.put("limit", page.size());
        params.put("offset", page.offset());
        Map<String, WorkingDayCalendar> calendars = new HashMap<>();
        var today = time.today();
        return jdbc.sql(sql.toString()).params(params).query(this::row).list().stream()
                .map(r -> r.summary(today, calendars.computeIfAbsent(r.region(), catalog::calendar)))
                .toList();
    }

    /** A queue entry before its clock is read on the region's calendar. */
    private record Row(CaseView.Summary summary, String region, Stopwatch.State clock) {

        CaseView.Summary summary(LocalDate today, WorkingDayCalendar calendar) {
            var s = summary;
            return new CaseView.Summary(
                    s.number(),
                    s.applicationNumber(),
                    s.itemCode(),
                    s.itemName(),
                    s.departmentCode(),
                    s.status(),
                    s.step(),
                    s.assignee(),
                    s.openedAt(),
                    new Stopwatch(clock, List.of()).on(today, calendar));
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String zh = rs.getString("item_name_zh");
        var steps = json.readValue(rs.getString("steps"), Procedure.Step[].class);
        var summary = new CaseView.Summary(
                rs.getString("number"),
                rs.getString("application_number"),
                rs.getString("item_code"),
                zh == null ? null : new Name(zh, rs.getString("item_name_en")),
                rs.getString("department_code"),
                rs.getString("status"),
                steps[rs.getInt("step_index")].code(),
                rs.getString("assignee"),
                Jdbc.instant(rs, "opened_at"),
                null);
        return new Row(summary, rs.getString("region"), clock(rs));
    }

    /** The clock columns of a case row. */
    static Stopwatch.State clock(ResultSet rs) throws SQLException {
        return new Stopwatch.State(
                rs.getInt("promised_days"),
                Jdbc.date(rs, "started_on"),
                rs.getInt("suspended_days"),
                Jdbc.date(rs, "paused_since"),
                rs.getString("pause_kind"),
                Jdbc.date(rs, "stopped_on"),
                Jdbc.instant(rs, "warned_at"),
                Jdbc.instant(rs, "overdue_at"));
    }
}
