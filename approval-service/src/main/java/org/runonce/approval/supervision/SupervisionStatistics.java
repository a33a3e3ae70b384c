package org.runonce.approval.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.runonce.starter.domain.Time;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the supervision figures from the case tables (one query per figure, grouped by department). */
@Service
class SupervisionStatistics {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    SupervisionStatistics(JdbcClient jdbc, Time time) {
        this.jdbc = jdbc;
        this.zone = time.zone();
    }

    /**
     * The figures for days {@code from..to} (inclusive, in the service's zone).
     *
     * @param department one department, or null for all
     */
    @Transactional(readOnly = true)
    List<DepartmentStatistics> of(LocalDate from, LocalDate to, String department) {
        var params = new LinkedHashMap<String, Object>();
        params.put("from", from);
        params.put("to", to);
        params.put("zone", zone.getId());
        params.put("department", department);
        String inDepartment = " and (cast(:department as text) is null or department_code = :department)";

        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> averages = new TreeMap<>();
        Map<String, Map<String, Long>> suspensions = new TreeMap<>();
        var departments = new TreeSet<String>();

        // [opened, decided, onTime, overdueNow, warnedNow, secondSupplements, windowDecisions]
        jdbc.sql("""
                        select department_code, count(*) from approval_case
                        where (opened_at at time zone :zone)::date between :from and :to""" + inDepartment + """
                         group by department_code""").params(params).query(rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new long[7])[0] = rs.getLong(2);
        });
        jdbc.sql("""
                        select department_code, count(*), count(*) filter (where on_time),
                               avg(days_used), avg(promised_days), count(*) filter (where at_window)
                        from approval_case
                        where outcome is not null and decided_by <> 'system'
                          and (decided_at at time zone :zone)::date between :from and :to""" + inDepartment + """
                         group by department_code""").params(params).query(rs -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[7]);
            c[1] = rs.getLong(2);
            c[2] = rs.getLong(3);
            c[6] = rs.getLong(6);
            averages.put(rs.getString(1), new double[] {rs.getDouble(4), rs.getDouble(5)});
        });
        jdbc.sql("""
                        select department_code, count(*) filter (where overdue_at is not null),
                               count(*) filter (where warned_at is not null and overdue_at is null)
                        from approval_case
                        where status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')""" + inDepartment + """
                         group by department_code""").params(params).query(rs -> {
            long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[7]);
            c[3] = rs.getLong(2);
            c[4] = rs.getLong(3);
        });
        jdbc.sql("""
                        select c.department_code, count(*) from case_supplement s
                        join approval_case c on c.number = s.case_number
                        where s.request_number = 2
                          and (s.requested_at at time zone :zone)::date between :from and :to""" + inDepartment.replace("department_code", "c.department_code") + """
                         group by c.department_code""")
                .params(params)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[7])[5] = rs.getLong(2);
                });
        jdbc.sql("""
                        select c.department_code, p.kind, count(*) from case_pause p
                        join approval_case c on c.number = p.case_number
                        where p.kind <> 'SUPPLEMENT' and p.started_on between :from and :to""" + inDepartment.replace("department_code", "c.department_code") + """
                         group by c.department_code, p.kind""")
                .params(params)
                .query(rs -> {
                    suspensions
                            .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        departments.addAll(counts.keySet());
        departments.addAll(suspensions.keySet());

        List<DepartmentStatistics> result = new ArrayList<>();
        for (String code : departments) {
            long[] c = counts.getOrDefault(code, new long[7]);
            double[] avg = averages.get(code);
            result.add(new DepartmentStatistics(
                    code,
                    c[0],
                    c[1],
                    c[2],
                    c[1] == 0 ? null : (double) c[2] / c[1],
                    avg == null ? null : avg[0],
                    avg == null ? null : avg[1],
                    c[3],
                    c[4],
                    c[5],
                    suspensions.getOrDefault(code, Map.of()),
                    c[6]));
        }
        return result;
    }
}
