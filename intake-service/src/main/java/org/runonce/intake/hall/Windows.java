package org.runonce.intake.hall;

import java.util.Optional;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * What the windows' applications ask of the hall: the service point of the calling clerk (whose region accepts what
 * they file) and the queue ticket they are serving (whose trip a filing is part of).
 */
@Service
public class Windows {

    private final Clerks clerks;
    private final HallStore store;
    private final Time time;

    Windows(Clerks clerks, HallStore store, Time time) {
        this.clerks = clerks;
        this.store = store;
        this.time = time;
    }

    /**
     * A ticket a clerk has at their window.
     *
     * @param id the ticket's id
     * @param number its number at the point, e.g. {@code A001}
     * @param servicePointCode the point
     * @param applicantSubject the account of its holder, or null for a walk-in ticket a clerk took for someone
     */
    public record TicketAtWindow(UUID id, String number, String servicePointCode, String applicantSubject) {}

    /**
     * The service point the calling window clerk's token names ({@code service_point}), if the caller is a clerk and
     * it names one; 403 {@code unknown-service-point} when it names no point of the hall.
     */
    public Optional<ServicePoint> pointOfCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !clerks.isClerk(authentication)) {
            return Optional.empty();
        }
        return clerks.of(authentication)
                .servicePoint()
                .map(code -> store.point(code)
                        .orElseThrow(() -> Refusal.forbidden(
                                        "unknown-service-point",
                                        "Unknown service point",
                                        "your account names the service point " + code
                                                + ", which the hall does not know")
                                .with("servicePoint", code)));
    }

    /**
     * The ticket the calling clerk has called to their window, or served, today: another point's (or an unknown) one
     * is 404 as on the queue's paths; one still waiting, absent or of another day 409 {@code ticket-not-at-window}.
     */
    public TicketAtWindow atWindow(UUID id) {
        Staff clerk = clerks.of(SecurityContextHolder.getContext().getAuthentication());
        Ticket ticket = store.ticket(id)
                .filter(t -> clerk.worksAt(t.servicePointCode()))
                .orElseThrow(() -> Refusal.notFound("Ticket", id));
        boolean atWindow = ticket.status() == Ticket.Status.CALLED || ticket.status() == Ticket.Status.SERVED;
        if (!atWindow || !ticket.day().equals(time.today())) {
            throw Refusal.conflict(
                            "ticket-not-at-window",
                            "Ticket not at a window",
                            "ticket " + ticket.number() + " of " + ticket.day() + " is " + ticket.status()
                                    + "; name the ticket called to your window today")
                    .with("status", ticket.status());
        }
        return new TicketAtWindow(ticket.id(), ticket.number(), ticket.servicePointCode(), ticket.applicantSubject());
    }
}
