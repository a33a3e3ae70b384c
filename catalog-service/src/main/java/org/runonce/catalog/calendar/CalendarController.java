package org.runonce.catalog.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Working-day calendars: public reads and working-day arithmetic, catalog-admin publication. */
@RestController
@RequestMapping(path = "/api/catalog/calendars", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendars", description = "Working days per region: holidays and make-up working days (调休)")
class CalendarController {

    private final CalendarService service;
    private final JsonMapper json;

    CalendarController(CalendarService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * A calendar as the API shows it.
     *
     * @param region region code
     * @param year the year
     * @param revision increases with every change
     * @param demo whether the dates are made up for demonstration
     * @param festivals holiday periods as announced
     * @param holidays every rest day
     * @param makeUpWorkingDays every weekend day worked
     * @param publishedAt when this revision was published
     */
    record CalendarView(
            String region,
            int year,
            int revision,
            boolean demo,
            List<Festival> festivals,
            List<LocalDate> holidays,
            List<LocalDate> makeUpWorkingDays,
            Instant publishedAt) {

        static CalendarView of(RegionCalendar c) {
            return new CalendarView(
                    c.region(),
                    c.year(),
                    c.revision(),
                    c.demo(),
                    c.festivals(),
                    List.copyOf(c.holidays()),
                    List.copyOf(c.makeUpWorkingDays()),
                    c.publishedAt());
        }
    }

    /**
     * A calendar in the list.
     *
     * @param region region code
     * @param year the year
     * @param revision its revision
     * @param demo whether the dates are made up
     */
    record CalendarSummary(String region, int year, int revision, boolean demo) {}

    /**
     * A year's schedule.
     *
     * @param festivals the holiday periods with their make-up working days
     * @param demo true when not the State Council's published schedule
     */
    record PublishCalendar(List<Festival> festivals, boolean demo) {}

    /**
     * Answer of the working-day arithmetic.
     *
     * @param region region code
     * @param from the start day (not counted)
     * @param days working days added (when asked for a date)
     * @param date the {@code days}-th working day after {@code from}
     * @param to the end day (when asked for a count)
     * @param workingDays working days in (from, to]
     * @param provisional true when a year involved has no published calendar (Monday to Friday assumed) or its
     *     calendar is a demo
     */
    record WorkingDays(
            String region,
            LocalDate from,
            Integer days,
            LocalDate date,
            LocalDate to,
            Integer workingDays,
            boolean provisional) {}

    @GetMapping
    @Operation(summary = "All calendars", description = "No token needed.")
    ResponseEntity<byte[]> all(WebRequest request) {
        var body = service.all().stream()
                .map(c -> new CalendarSummary(c.region(), c.year(), c.revision(), c.demo()))
                .toList();
        return Http.ok(request, Representation.of(body, json), Http.SHORT);
    }

    @GetMapping("/{region}/{year:\\d{4}}")
    @Operation(summary = "One region's calendar for a year", description = "No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CalendarView.class)))
    ResponseEntity<byte[]> one(
            @Parameter(description = "six-digit region code, e.g. 330000") @PathVariable String region,
            @Parameter(example = "2026") @PathVariable int year,
            WebRequest request) {
        return Http.ok(request, representation(service.calendar(region, year)), Http.SHORT);
    }

    @GetMapping("/{region}/working-days")
    @Operation(
            summary = "Working-day arithmetic",
            description = "`from` and `days`: the `days`-th working day strictly after `from` (a time limit's due"
                    + " date). `from` and `to`: the working days in (from, to] (days used). The day something"
                    + " happens does not count. No token needed.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "date", summary = "?from=2026-09-30&days=3", value = """
                                        {"region": "330000", "from": "2026-09-30", "days": 3, "date": "2026-10-10",
                                         "to": null, "workingDays": null, "provisional": false}"""),
                                @ExampleObject(name = "count", summary = "?from=2026-09-30&to=2026-10-12", value = """
                                        {"region": "330000", "from": "2026-09-30", "days": null, "date": null,
                                         "to": "2026-10-12", "workingDays": 4, "provisional": false}""")
                            }))
    ResponseEntity<byte[]> workingDays(
            @PathVariable String region,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            WebRequest request) {
        if ((days == null) == (to == null)) {
            throw Refusal.invalid("give either days (for a date) or to (for a count), not both or neither");
        }
        if (days != null && Math.abs(days) > 3660) {
            throw Refusal.invalid("days must be within ±3660");
        }
        if (to != null && Math.abs(to.toEpochDay() - from.toEpochDay()) > 3660 * 2) {
            throw Refusal.invalid("from and to must be within ten years of each other");
        }
        WorkingDayCalendar calendar = service.workingDays(region);
        WorkingDays body;
        if (days != null) {
            LocalDate date = calendar.plusWorkingDays(from, days);
            body = new WorkingDays(region, from, days, date, null, null, provisional(region, calendar, from, date));
        } else {
            int count = calendar.workingDaysBetween(from, to);
            body = new WorkingDays(region, from, null, null, to, count, provisional(region, calendar, from, to));
        }
        return Http.ok(request, Representation.of(body, json), Http.SHORT);
    }

    @PutMapping(path = "/{region}/{year:\\d{4}}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(
            summary = "Publish a region's calendar for a year (catalog-admin)",
            description = "Replaces the year's schedule as a new revision; If-Match with the current ETag is required"
                    + " when the calendar exists.")
    ResponseEntity<byte[]> publish(
            @PathVariable String region,
            @PathVariable int year,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"demo": false, "festivals": [{"name": {"zh": "国庆节", "en": "National Day"},
                                     "from": "2026-10-01", "to": "2026-10-07",
                                     "makeUpWorkingDays": ["2026-09-20", "2026-10-10"]}]}""")))
                    @RequestBody
                    PublishCalendar body) {
        RegionCalendar calendar = service.publish(region, year, body.festivals(), body.demo(), current -> {
            if (current.isPresent()) {
                Http.requireMatch(ifMatch, representation(current.get()));
            } else {
                Http.requireNoMatch(ifMatch, "no calendar for " + region + "/" + year);
            }
        });
        return Http.written(representation(calendar));
    }

    private boolean provisional(String region, WorkingDayCalendar calendar, LocalDate a, LocalDate b) {
        LocalDate first = a.isBefore(b) ? a : b;
        LocalDate last = a.isBefore(b) ? b : a;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!calendar.covers(LocalDate.of(year, 1, 1))) {
                return true;
            }
        }
        final int firstYear = first.getYear();
        final int lastYear = last.getYear();
        return service.all().stream()
                .anyMatch(c -> c.region().equals(region) && c.demo() && c.year() >= firstYear && c.year() <= lastYear);
    }

    private Representation representation(RegionCalendar calendar) {
        return Representation.of(CalendarView.of(calendar), json);
    }
}
