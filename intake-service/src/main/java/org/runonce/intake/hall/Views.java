package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** What the hall's API answers with. */
final class Views {

    private Views() {}

    /**
     * An appointment as its applicant and the clerks of its point see it.
     *
     * @param id the appointment's id
     * @param servicePoint where
     * @param category the window category serving it
     * @param itemCode the item, or null for a bundle
     * @param bundleCode the bundle, or null for an item
     * @param applicantName who booked it
     * @param day the day
     * @param starts first minute of the slot
     * @param ends end of the slot
     * @param status BOOKED, CANCELLED, ARRIVED or NO_SHOW
     * @param bookedAt when it was booked
     * @param rebookings how often it was moved to another slot
     * @param cancelledAt when cancelled
     * @param arrivedAt when the applicant checked in
     * @param noShowAt when it was marked a no-show
     */
    @Schema(name = "AppointmentView")
    record AppointmentView(
            UUID id,
            @Schema(example = "xihu-hall") String servicePoint,
            @Schema(example = "COMPANY") String category,
            @Schema(example = "samr-company-registration") String itemCode,
            String bundleCode,
            @Schema(example = "张三") String applicantName,
            LocalDate day,
            @Schema(type = "string", example = "09:30") LocalTime starts,
            @Schema(type = "string", example = "10:00") LocalTime ends,
            @Schema(example = "BOOKED") Appointment.Status status,
            Instant bookedAt,
            int rebookings,
            Instant cancelledAt,
            Instant arrivedAt,
            Instant noShowAt) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(
                    a.id(),
                    a.servicePointCode(),
                    a.category(),
                    a.itemCode(),
                    a.bundleCode(),
                    a.applicantName(),
                    a.day(),
                    a.starts(),
                    a.ends(),
                    a.status(),
                    a.bookedAt(),
                    a.rebookings(),
                    a.cancelledAt(),
                    a.arrivedAt(),
                    a.noShowAt());
        }
    }

    /**
     * A queue ticket.
     *
     * @param id the ticket's id
     * @param number what the display shows and the clerk calls, e.g. C012
     * @param servicePoint where
     * @param category the window category
     * @param day the day it is valid
     * @param appointment the appointment it was taken for, if any (called before walk-ins)
     * @param status WAITING, CALLED, SERVED or ABSENT
     * @param ahead waiting tickets called before it
     * @param takenAt when taken (arrival)
     * @param calledAt when called to a window
     * @param window the window it was called to
     * @param servedAt when served
     * @param waitMinutes minutes from taking to being called
     */
    @Schema(name = "TicketView")
    record TicketView(
            UUID id,
            @Schema(example = "C012") String number,
            @Schema(example = "xihu-hall") String servicePoint,
            @Schema(example = "COMPANY") String category,
            LocalDate day,
            UUID appointment,
            @Schema(example = "WAITING") Ticket.Status status,
            int ahead,
            Instant takenAt,
            Instant calledAt,
            @Schema(example = "5") String window,
            Instant servedAt,
            Long waitMinutes) {

        static TicketView of(Ticket t, int ahead) {
            return new TicketView(
                    t.id(),
                    t.number(),
                    t.servicePointCode(),
                    t.category(),
                    t.day(),
                    t.appointmentId(),
                    t.status(),
                    ahead,
                    t.takenAt(),
                    t.calledAt(),
                    t.window(),
                    t.servedAt(),
                    t.calledAt() == null
                            ? null
                            : Duration.between(t.takenAt(), t.calledAt()).toMinutes());
        }
    }
}
