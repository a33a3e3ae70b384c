package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.runonce.intake.hall.Views.AppointmentView;
import org.runonce.intake.hall.Views.TicketView;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An applicant's appointments (预约): book, see, cancel, rebook, check in on arrival. */
@RestController
@RequestMapping(path = "/api/intake/hall/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hall")
class AppointmentController {

    /**
     * @param servicePoint where
     * @param itemCode the item to handle (or bundleCode)
     * @param bundleCode the bundle to handle (or itemCode)
     * @param category the window category; by default the one taking the item or bundle
     * @param day the day
     * @param starts the slot's first minute, as the free slots list it
     */
    @Schema(
            name = "BookingRequest",
            example = "{\"servicePoint\": \"xihu-hall\", \"itemCode\": \"samr-company-registration\","
                    + " \"day\": \"2026-11-24\", \"starts\": \"09:30\"}")
    record BookingRequest(
            @Schema(example = "xihu-hall") @NotBlank @Size(max = 100)
            String servicePoint,

            @Schema(example = "samr-company-registration") @Size(max = 100)
            String itemCode,

            @Schema(example = "company-startup") @Size(max = 100)
            String bundleCode,

            @Schema(example = "COMPANY") @Size(max = 40) String category,
            @Schema(example = "2026-11-24") @NotNull LocalDate day,

            @Schema(type = "string", example = "09:30") @NotNull
            LocalTime starts) {}

    /**
     * @param day the new day
     * @param starts the new slot's first minute
     */
    @Schema(name = "RebookingRequest", example = "{\"day\": \"2026-11-25\", \"starts\": \"14:00\"}")
    record RebookingRequest(
            @Schema(example = "2026-11-25") @NotNull LocalDate day,

            @Schema(type = "string", example = "14:00") @NotNull
            LocalTime starts) {}

    private final Appointments appointments;
    private final Queue queue;
    private final Clerks clerks;

    AppointmentController(Appointments appointments, Queue queue, Clerks clerks) {
        this.appointments = appointments;
        this.queue = queue;
        this.clerks = clerks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "Book a slot",
            description = "Books a free slot at a service point for an item or a bundle. 422 slot-not-offered for a"
                    + " slot outside the point's hours, on a holiday, past or beyond the booking horizon;"
                    + " 422 not-handled-here when no window category takes it; 409 slot-full when every place is"
                    + " booked; 409 already-booked when the caller holds a booked appointment for the same item or"
                    + " bundle, or in the same slot (rebook or cancel it).")
    AppointmentView book(@Valid @RequestBody BookingRequest request, Caller caller) {
        if ((request.itemCode() == null) == (request.bundleCode() == null)) {
            throw Refusal.invalid("name an itemCode or a bundleCode, not both");
        }
        String name = caller.identity().map(i -> i.name()).orElse(caller.name());
        return AppointmentView.of(appointments.book(
                caller.subject(),
                name,
                request.servicePoint(),
                new Matter(request.itemCode(), request.bundleCode()),
                request.category(),
                request.day(),
                request.starts()));
    }

    @GetMapping
    @PreAuthorize("hasRole('applicant')")
    @Operation(summary = "My appointments", description = "The caller's appointments, latest day first.")
    List<AppointmentView> mine(Caller caller) {
        return appointments.of(caller.subject()).stream()
                .map(AppointmentView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "An appointment",
            description = "For its applicant, or a clerk of its service point; anyone else 404.")
    AppointmentView one(@PathVariable UUID id, Caller caller, Authentication authentication) {
        return AppointmentView.of(
                clerks.isClerk(authentication)
                        ? appointments.atPoint(id, clerks.of(authentication))
                        : appointments.own(id, caller.subject()));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "Cancel my appointment",
            description = "Frees its place. Only a booked one whose slot has not begun (409 appointment-not-booked,"
                    + " appointment-begun); another's 404.")
    AppointmentView cancel(@PathVariable UUID id, Caller caller) {
        return AppointmentView.of(appointments.cancel(id, caller.subject()));
    }

    @PostMapping(path = "/{id}/rebooking", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "Move my appointment to another slot",
            description = "Same point, category and item; the old place is freed only if the new one is taken"
                    + " (409 slot-full leaves the appointment as it was); not once its slot has begun (409"
                    + " appointment-begun).")
    AppointmentView rebook(@PathVariable UUID id, @Valid @RequestBody RebookingRequest request, Caller caller) {
        return AppointmentView.of(appointments.rebook(id, caller.subject(), request.day(), request.starts()));
    }

    @PostMapping("/{id}/arrival")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Check in and take a queue ticket (取号)",
            description = "On the appointment's day, from runonce.intake.hall.arrival-early before the slot until the"
                    + " no-show grace after it, by the applicant or a clerk of the point for them. The ticket is"
                    + " called before walk-ins of its category.")
    TicketView arrive(@PathVariable UUID id, Caller caller, Authentication authentication) {
        Ticket ticket = clerks.isClerk(authentication)
                ? queue.arrive(id, null, clerks.of(authentication))
                : queue.arrive(id, caller.subject(), null);
        return TicketView.of(ticket, queue.ahead(ticket));
    }
}
