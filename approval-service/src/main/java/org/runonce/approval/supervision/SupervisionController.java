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
    private final Time time;

    SupervisionController(SupervisionStatistics statistics, Time time) {
        this.statistics = statistics;
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
