package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Waits and no-shows per service point, for supervisors (效能监察). */
@RestController
@Tag(name = "Hall")
class HallSupervisionController {

    private final HallStatistics statistics;
    private final Time time;

    HallSupervisionController(HallStatistics statistics, Time time) {
        this.statistics = statistics;
        this.time = time;
    }

    @GetMapping(path = "/api/intake/hall/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('supervisor')")
    @Operation(
            summary = "Waits and no-shows per service point",
            description = "For every service point over `from` to `to` (default: this month so far): appointments"
                    + " for days in the period by outcome (cancelled, arrived, no-shows), tickets taken in it, called,"
                    + " served, absent, average and longest wait from ticket to call, average service time. A reversed"
                    + " period is 400.")
    List<HallStatistics.HallFigures> statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end) || start.getYear() < 2000 || end.getYear() > 2999) {
            throw Refusal.invalid("from must not be after to, both between the years 2000 and 2999");
        }
        return statistics.of(start, end);
    }
}
