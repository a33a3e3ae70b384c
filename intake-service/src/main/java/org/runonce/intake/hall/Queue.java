package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of a service point (取号叫号): a ticket per arrival, numbered per category and day (C001, C002...), called
 * to a window by a clerk of the point (tickets of appointments first, then in the order taken), then served or absent.
 * When each happened is kept: the wait is from taking the ticket to being called.
 */
@Service
class Queue {

    private final HallStore store;
    private final Hall hall;
    private final Appointments appointments;
    private final Time time;
    private final ApplicationEventPublisher publisher;

    Queue(HallStore store, Hall hall, Appointments appointments, Time time, ApplicationEventPublisher publisher) {
        this.store = store;
        this.hall = hall;
        this.appointments = appointments;
        this.time = time;
        this.publisher = publisher;
    }

    /** The applicant (or a clerk of its point, {@code clerk} non-null) checks in for a booked appointment. */
    @Transactional
    Ticket arrive(UUID appointmentId, String applicantSubject, Staff clerk) {
        Appointment appointment = appointments.forUpdate(appointmentId);
        boolean visible = clerk == null
                ? appointment.applicantSubject().equals(applicantSubject)
                : clerk.worksAt(appointment.servicePointCode());
        if (!visible) {
            throw Refusal.notFound("Appointment", appointmentId);
        }
        Instant now = time.now();
        if (!appointment.day().equals(time.dayOf(now))) {
            throw Refusal.conflict(
                    "not-the-appointment-day",
                    "Not the appointment's day",
                    "this appointment is on " + appointment.day());
        }
        appointments.arrive(appointment, now);
        ServicePoint point = hall.point(appointment.servicePointCode());
        return issue(
                point,
                point.category(appointment.category()).orElseThrow(),
                appointment.id(),
                appointment.applicantSubject(),
                clerk == null ? applicantSubject : clerk.subject(),
                now);
    }

    /** A ticket without appointment (walk-in), taken by the applicant or by a clerk of the point for them. */
    @Transactional
    Ticket walkIn(String pointCode, String categoryCode, String applicantSubject, String takenBy) {
        ServicePoint point = hall.point(pointCode);
        Category category = point.category(categoryCode)
                .orElseThrow(() -> Refusal.unprocessable(
                        "category-unknown",
                        "No such window category here",
                        "service point " + pointCode + " has no window category " + categoryCode));
        return issue(point, category, null, applicantSubject, takenBy, time.now());
    }

    private Ticket issue(
            ServicePoint point, Category category, UUID appointment, String applicant, String takenBy, Instant now) {
        LocalDate day = time.dayOf(now);
        // the counter row stays locked until commit: one applicant's parallel tickets of a category are serialized
        int sequence = store.nextSequence(point.code(), category.code(), day);
        if (applicant != null && store.queued(applicant, point.code(), category.code(), day)) {
            throw Refusal.conflict(
                    "already-queued",
                    "Already in the queue",
                    "you hold a ticket of " + category.code() + " at " + point.code() + " that is waiting or called");
        }
        Ticket ticket = new Ticket(
                UUID.randomUUID(),
                point.code(),
                category.code(),
                day,
                sequence,
                Ticket.number(category.prefix(), sequence),
                appointment,
                applicant,
                takenBy,
                Ticket.Status.WAITING,
                now,
                null,
                null,
                null,
                null);
        store.insert(ticket);
        return ticket;
    }

    @Transactional
    Ticket callNext(String pointCode, String categoryCode, Staff clerk, String window) {
        ServicePoint point = hall.point(pointCode);
        if (point.category(categoryCode).isEmpty()) {
            throw Refusal.notFound("Window category", categoryCode);
        }
        Instant now = time.now();
        return store.callNext(pointCode, categoryCode, time.dayOf(now), clerk.username(), window, now)
                .orElseThrow(() -> Refusal.conflict(
                        "queue-empty", "Nobody waiting", "no ticket of " + categoryCode + " is waiting today"));
    }

    /**
     * Closes a called ticket: SERVED, or ABSENT when nobody came to the window (过号). Serving publishes {@link
     * TicketServed} in this transaction: the applicant's trip, which their applications count as a visit.
     */
    @Transactional
    Ticket finish(UUID id, Staff clerk, Ticket.Status outcome) {
        Ticket ticket = store.ticketForUpdate(id)
                .filter(t -> clerk.worksAt(t.servicePointCode()))
                .orElseThrow(() -> Refusal.notFound("Ticket", id));
        if (ticket.status() != Ticket.Status.CALLED) {
            throw Refusal.conflict(
                            "ticket-not-called",
                            "Ticket not called",
                            "ticket " + ticket.number() + " is " + ticket.status() + "; call it first")
                    .with("status", ticket.status());
        }
        store.finish(id, outcome, time.now());
        Ticket finished = store.ticket(id).orElseThrow();
        if (outcome == Ticket.Status.SERVED) {
            Appointment appointment = finished.appointmentId() == null
                    ? null
                    : store.appointment(finished.appointmentId()).orElseThrow();
            publisher.publishEvent(new TicketServed(
                    finished.id(),
                    finished.number(),
                    finished.servicePointCode(),
                    finished.day(),
                    finished.servedAt(),
                    finished.applicantSubject(),
                    appointment == null ? null : appointment.itemCode(),
                    appointment == null ? null : appointment.bundleCode(),
                    clerk.subject(),
                    clerk.username()));
        }
        return finished;
    }

    Ticket visibleTo(UUID id, String applicantSubject, Staff clerk) {
        return store.ticket(id)
                .filter(t -> clerk == null
                        ? applicantSubject.equals(t.applicantSubject())
                        : clerk.worksAt(t.servicePointCode()))
                .orElseThrow(() -> Refusal.notFound("Ticket", id));
    }

    int ahead(Ticket ticket) {
        return ticket.status() == Ticket.Status.WAITING ? store.ahead(ticket) : 0;
    }

    List<Ticket> today(String point) {
        return store.tickets(point, time.today());
    }

    List<Ticket> of(String subject) {
        return store.ticketsOf(subject);
    }
}
