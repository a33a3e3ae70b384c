package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, cancelling and rebooking slots (预约), and checking in on arrival. A slot is never booked over its
 * category's capacity (the slot row's check and lock), an applicant never holds two booked appointments for one item
 * or bundle, nor two in one slot (unique indexes). An applicant sees only their own appointments, a clerk only those
 * of their service point: anyone else's is 404.
 */
@Service
class Appointments {

    private final HallStore store;
    private final Hall hall;
    private final CatalogCopy catalog;
    private final HallProperties properties;
    private final Time time;

    Appointments(HallStore store, Hall hall, CatalogCopy catalog, HallProperties properties, Time time) {
        this.store = store;
        this.hall = hall;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
    }

    @Transactional
    Appointment book(
            String subject,
            String applicantName,
            String pointCode,
            Matter matter,
            String requestedCategory,
            LocalDate day,
            LocalTime starts) {
        ServicePoint point = hall.point(pointCode);
        Category category = point.categoryFor(matter, requestedCategory);
        known(matter, day);
        Slot slot = offered(point, day, starts);
        Instant now = time.now();
        Appointment appointment = new Appointment(
                UUID.randomUUID(),
                point.code(),
                category.code(),
                matter.itemCode(),
                matter.bundleCode(),
                subject,
                applicantName,
                day,
                slot.starts(),
                slot.ends(),
                endOf(slot),
                Appointment.Status.BOOKED,
                now,
                0,
                null,
                null,
                null);
        if (!store.insert(appointment)) {
            throw alreadyBooked(
                    store.blocking(subject, matter, day, slot.starts()).orElse(null));
        }
        if (!store.take(point.code(), category.code(), day, slot.starts(), category.capacityPerSlot())) {
            throw slotFull(point, category, slot);
        }
        return appointment;
    }

    @Transactional
    Appointment cancel(UUID id, String subject) {
        Appointment appointment = ownForUpdate(id, subject);
        Instant now = time.now();
        notBegun(appointment, now);
        store.cancel(id, now);
        store.release(appointment.servicePointCode(), appointment.category(), appointment.day(), appointment.starts());
        return store.appointment(id).orElseThrow();
    }

    /** Moves the appointment to another slot of its point and category, or leaves it where it was (409). */
    @Transactional
    Appointment rebook(UUID id, String subject, LocalDate day, LocalTime starts) {
        Appointment appointment = ownForUpdate(id, subject);
        notBegun(appointment, time.now());
        ServicePoint point = hall.point(appointment.servicePointCode());
        Category category = point.category(appointment.category()).orElseThrow();
        known(appointment.matter(), day);
        Slot slot = offered(point, day, starts);
        if (day.equals(appointment.day()) && slot.starts().equals(appointment.starts())) {
            return appointment;
        }
        boolean moved;
        try {
            moved = store.move(id, day, slot.starts(), slot.ends(), endOf(slot));
        } catch (DuplicateKeyException concurrentBooking) {
            moved = false;
        }
        if (!moved) {
            throw alreadyBooked(store.blocking(subject, appointment.matter(), day, slot.starts())
                    .filter(a -> !a.id().equals(id))
                    .orElse(null));
        }
        // both slot rows are locked in one order, so two rebookings crossing each other cannot deadlock
        boolean releaseFirst = appointment.day().isBefore(day)
                || (appointment.day().equals(day) && appointment.starts().isBefore(slot.starts()));
        if (releaseFirst) {
            store.release(point.code(), category.code(), appointment.day(), appointment.starts());
        }
        if (!store.take(point.code(), category.code(), day, slot.starts(), category.capacityPerSlot())) {
            throw slotFull(point, category, slot);
        }
        if (!releaseFirst) {
            store.release(point.code(), category.code(), appointment.day(), appointment.starts());
        }
        return store.appointment(id).orElseThrow();
    }

    List<Appointment> of(String subject) {
        return store.appointmentsOf(subject);
    }

    Appointment own(UUID id, String subject) {
        return store.appointment(id)
                .filter(a -> a.applicantSubject().equals(subject))
                .orElseThrow(() -> Refusal.notFound("Appointment", id));
    }

    Appointment atPoint(UUID id, Staff clerk) {
        return store.appointment(id)
                .filter(a -> clerk.worksAt(a.servicePointCode()))
                .orElseThrow(() -> Refusal.notFound("Appointment", id));
    }

    List<Appointment> at(String point, LocalDate day) {
        return store.appointmentsAt(point, day);
    }

    /**
     * Checks the applicant in: from {@code arrival-early} before the slot until the no-show grace after it, on the
     * day. Returns the appointment as it was.
     */
    Appointment arrive(Appointment appointment, Instant now) {
        if (appointment.status() != Appointment.Status.BOOKED) {
            throw notBooked(appointment);
        }
        Instant starts = appointment
                .day()
                .atTime(appointment.starts())
                .atZone(time.zone())
                .toInstant();
        if (now.isBefore(starts.minus(properties.arrivalEarly()))) {
            throw Refusal.conflict(
                    "too-early",
                    "Too early to check in",
                    "check in from " + properties.arrivalEarly() + " before " + appointment.day() + " "
                            + appointment.starts());
        }
        if (now.isAfter(appointment.endsAt().plus(properties.noShowGrace()))) {
            throw Refusal.conflict(
                    "appointment-missed", "Appointment missed", "the slot of this appointment has passed; book again");
        }
        store.arrived(appointment.id(), now);
        return appointment;
    }

    Appointment forUpdate(UUID id) {
        return store.appointmentForUpdate(id).orElseThrow(() -> Refusal.notFound("Appointment", id));
    }

    /** Only a booked appointment whose slot has not begun is cancelled or moved: a missed one stays a no-show. */
    private void notBegun(Appointment appointment, Instant now) {
        if (appointment.status() != Appointment.Status.BOOKED) {
            throw notBooked(appointment);
        }
        Instant starts = appointment
                .day()
                .atTime(appointment.starts())
                .atZone(time.zone())
                .toInstant();
        if (!now.isBefore(starts)) {
            throw Refusal.conflict(
                    "appointment-begun",
                    "Appointment begun",
                    "the slot of this appointment began at " + appointment.starts() + "; it can no longer be cancelled"
                            + " or moved");
        }
    }

    private Appointment ownForUpdate(UUID id, String subject) {
        return store.appointmentForUpdate(id)
                .filter(a -> a.applicantSubject().equals(subject))
                .orElseThrow(() -> Refusal.notFound("Appointment", id));
    }

    private void known(Matter matter, LocalDate day) {
        boolean known = matter.isBundle()
                ? catalog.bundle(matter.bundleCode()).isPresent()
                : catalog.itemInForce(matter.itemCode(), day).isPresent();
        if (!known) {
            throw Refusal.unprocessable(
                    "unknown-matter",
                    "No such item or bundle",
                    (matter.isBundle() ? "bundle " : "item ") + matter.code() + " is not in the catalog on " + day);
        }
    }

    private Slot offered(ServicePoint point, LocalDate day, LocalTime starts) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        Slot slot = Slots.at(point.hours(), point.slotMinutes(), hall.calendar(point), day, starts)
                .filter(s -> !day.isAfter(today.plusDays(properties.bookingDays())))
                .filter(s ->
                        day.atTime(s.starts()).atZone(time.zone()).toInstant().isAfter(now))
                .orElseThrow(() -> Refusal.unprocessable(
                                "slot-not-offered",
                                "No such slot",
                                point.code() + " offers no slot at " + day + " " + starts
                                        + " to book now: see its free slots")
                        .with("servicePoint", point.code()));
        return slot;
    }

    private Instant endOf(Slot slot) {
        return slot.day().atTime(slot.ends()).atZone(time.zone()).toInstant();
    }

    private static Refusal slotFull(ServicePoint point, Category category, Slot slot) {
        return Refusal.conflict(
                        "slot-full",
                        "Slot fully booked",
                        "every place of " + category.code() + " at " + point.code() + " on " + slot.day() + " "
                                + slot.starts() + " is booked; choose another slot")
                .with("servicePoint", point.code())
                .with("category", category.code());
    }

    private static Refusal alreadyBooked(Appointment existing) {
        Refusal refusal = Refusal.conflict(
                "already-booked",
                "Already booked",
                "you hold a booked appointment for this item or bundle, or in this slot: cancel or rebook it");
        return existing == null ? refusal : refusal.with("appointment", existing.id());
    }

    private static Refusal notBooked(Appointment appointment) {
        return Refusal.conflict(
                        "appointment-not-booked",
                        "Appointment not booked",
                        "appointment " + appointment.id() + " is " + appointment.status())
                .with("status", appointment.status());
    }
}
