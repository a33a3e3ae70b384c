package org.runonce.intake.application;

import org.runonce.intake.hall.TicketServed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The visit is counted when the applicant is served (跑一次): serving a queue ticket booked for an item or bundle
 * records the trip on the holder's open applications for it, in the transaction that marks the ticket served. A
 * filing at the window naming the ticket is that same trip (one visit); a ticket on another day is another visit.
 */
@Component
class CountingServedVisits {

    private final Applications applications;
    private final ApplicationChanges changes;

    CountingServedVisits(Applications applications, ApplicationChanges changes) {
        this.applications = applications;
        this.changes = changes;
    }

    @EventListener
    void on(TicketServed served) {
        if (served.applicantSubject() == null || (served.itemCode() == null && served.bundleCode() == null)) {
            return; // a walk-in names no matter: only filings naming the ticket count its trip
        }
        Actor clerk = new Actor(served.clerkSubject(), served.clerkUsername());
        String ticket = served.ticket().toString();
        for (Application found : applications.ofApplicant(served.applicantSubject(), 100)) {
            // tried on the copy read without a lock, then for real on the locked one
            if (!found.servedFor(
                    served.itemCode(), served.bundleCode(), ticket, changes.terms(found, clerk, served.servedAt()))) {
                continue;
            }
            Application application = applications.findForUpdate(found.number()).orElseThrow();
            if (application.servedFor(
                    served.itemCode(),
                    served.bundleCode(),
                    ticket,
                    changes.terms(application, clerk, served.servedAt()))) {
                changes.save(application, served.servedAt());
            }
        }
    }
}
