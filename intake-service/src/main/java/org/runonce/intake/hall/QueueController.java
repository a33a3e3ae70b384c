package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.runonce.intake.hall.Views.AppointmentView;
import org.runonce.intake.hall.Views.TicketView;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue of a service point (取号叫号) and its day's appointments, for the clerks of that point: a clerk whose
 * token names another point gets 403 on a point's paths and 404 on another point's tickets.
 */
@RestController
@RequestMapping(path = "/api/intake/hall", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hall")
class QueueController {

    /** @param category the window category to queue for */
    @Schema(name = "WalkInRequest", example = "{\"category\": \"COMPANY\"}")
    record WalkInRequest(
            @Schema(example = "COMPANY") @NotBlank @Size(max = 40)
            String category) {}

    /** @param window the window the ticket is called to, as the display shows it */
    @Schema(name = "CallRequest", example = "{\"window\": \"5\"}")
    record CallRequest(
            @Schema(example = "5") @NotBlank @Size(max = 20) String window) {}

    private final Queue queue;
    private final Appointments appointments;
    private final Clerks clerks;
    private final Time time;

    QueueController(Queue queue, Appointments appointments, Clerks clerks, Time time) {
        this.queue = queue;
        this.appointments = appointments;
        this.clerks = clerks;
        this.time = time;
    }

    @PostMapping(path = "/service-points/{code}/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Take a ticket without appointment",
            description = "A walk-in ticket of a window category (at the kiosk with the applicant's account, or by a"
                    + " clerk of the point for the person in front of them), numbered per category and day: C001,"
                    + " C002...")
    TicketView walkIn(
            @PathVariable String code,
            @Valid @RequestBody WalkInRequest request,
            Caller caller,
            Authentication authentication) {
        Ticket ticket = clerks.isClerk(authentication)
                ? queue.walkIn(
                        code,
                        request.category(),
                        null,
                        clerks.at(authentication, code).subject())
                : queue.walkIn(code, request.category(), caller.subject(), caller.subject());
        return TicketView.of(ticket, queue.ahead(ticket));
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "My tickets",
            description = "The caller's queue tickets, latest first, with how many wait before each.")
    List<TicketView> myTickets(Caller caller) {
        return queue.of(caller.subject()).stream()
                .map(t -> TicketView.of(t, queue.ahead(t)))
                .toList();
    }

    @GetMapping("/tickets/{id}")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "A ticket",
            description = "With how many wait before it; for its applicant or a clerk of its point, anyone else 404.")
    TicketView ticket(@PathVariable UUID id, Caller caller, Authentication authentication) {
        Ticket ticket = clerks.isClerk(authentication)
                ? queue.visibleTo(id, null, clerks.of(authentication))
                : queue.visibleTo(id, caller.subject(), null);
        return TicketView.of(ticket, queue.ahead(ticket));
    }

    @GetMapping("/service-points/{code}/queue")
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Today's queue of my service point",
            description = "Every ticket of the day by category in calling order (appointments first); only for"
                    + " clerks of the point (403 other-service-point).")
    List<TicketView> today(@PathVariable String code, Authentication authentication) {
        clerks.at(authentication, code);
        return queue.today(code).stream()
                .map(t -> TicketView.of(t, queue.ahead(t)))
                .toList();
    }

    @PostMapping(path = "/service-points/{code}/queue/{category}/calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Call the next ticket to my window",
            description = "The first waiting ticket of the category: tickets of appointments first, then in the order"
                    + " taken; two clerks calling at once get two different tickets. 409 queue-empty when nobody"
                    + " waits.")
    TicketView call(
            @PathVariable String code,
            @PathVariable String category,
            @Valid @RequestBody CallRequest request,
            Authentication authentication) {
        Staff clerk = clerks.at(authentication, code);
        return TicketView.of(queue.callNext(code, category, clerk, request.window()), 0);
    }

    @PostMapping("/tickets/{id}/served")
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "The called applicant was served",
            description = "Records when; only a called ticket of the clerk's point (another point's 404).")
    TicketView served(@PathVariable UUID id, Authentication authentication) {
        return TicketView.of(queue.finish(id, clerks.of(authentication), Ticket.Status.SERVED), 0);
    }

    @PostMapping("/tickets/{id}/absence")
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Nobody came when called (过号)",
            description = "Closes a called ticket of the clerk's point as ABSENT.")
    TicketView absent(@PathVariable UUID id, Authentication authentication) {
        return TicketView.of(queue.finish(id, clerks.of(authentication), Ticket.Status.ABSENT), 0);
    }

    @GetMapping("/service-points/{code}/appointments")
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "A day's appointments at my service point",
            description = "By slot (default: today); only for clerks of the point (403 other-service-point).")
    List<AppointmentView> appointments(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Authentication authentication) {
        clerks.at(authentication, code);
        return appointments.at(code, day == null ? time.today() : day).stream()
                .map(AppointmentView::of)
                .toList();
    }
}
