package org.runonce.approval.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervision statistics for supervisors. */
@RestController
@Tag(name = "supervision", description = "效能监察: time-limit performance per department")
class SupervisionController {

    private final SupervisionStatistics statistics;
    private final DepartmentRankings rankings;
    private final Time time;

    SupervisionController(SupervisionStatistics statistics, DepartmentRankings rankings, Time time) {
        this.statistics = statistics;
        this.rankings = rankings;
        this.time = time;
    }

    /**
     * The figures.
     *
     * @param from first day
     * @param to last day
     * @param departments one entry per department with cases
     */
    record Report(LocalDate from, LocalDate to, List<DepartmentStatistics> departments) {}

    /**
     * The ranking.
     *
     * @param from first day
     * @param to last day
     * @param departments best on-time rate first
     */
    record Rankings(LocalDate from, LocalDate to, List<DepartmentRanking> departments) {}

    @GetMapping("/api/approval/supervision/rankings")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(
            summary = "Departments ranked by on-time rate for a period (default: this year)",
            description = "Per department: rank (shared on equal rates; none when nothing was decided), cases decided"
                    + " and on time, satisfaction (number of ratings, average, share rated 1 or 2), visits per"
                    + " completed application (as intake counted them), cases overdue in the period and"
                    + " accountability records of the period still open. Days in the platform's zone, inclusive.")
    Rankings rankings(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = time.today();
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) {
            throw Refusal.unprocessable("invalid-range", "Invalid range", "to is before from");
        }
        return new Rankings(first, last, rankings.of(first, last));
    }

    @GetMapping("/api/approval/supervision/statistics")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(
            summary = "Per department: on-time rate, average used vs promised days, overdue and warned now, "
                    + "second supplements, suspensions by type; for a date range (default: this year)")
    Report statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String department) {
        LocalDate today = time.today();
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) {
            throw Refusal.unprocessable("invalid-range", "Invalid range", "to is before from");
        }
        return new Report(first, last, statistics.of(first, last, department));
    }
}
