package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.intake.IntakeProperties;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.document.Documents;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Component;

/**
 * What every change of an application needs around the aggregate: its {@link Terms} (settings and the
 * region's calendar), and saving it with what the change recorded, in the caller's transaction: the row, the
 * departments' grants on the documents of their cases (and their expiry when the application ends), and its events
 * through the outbox.
 */
@Component
class ApplicationChanges {

    private final Applications applications;
    private final Documents documents;
    private final Events events;
    private final CatalogCopy catalog;
    private final IntakeProperties properties;
    private final Time time;
    private final RatingLinks ratingLinks;

    ApplicationChanges(
            Applications applications,
            Documents documents,
            Events events,
            CatalogCopy catalog,
            IntakeProperties properties,
            Time time,
            RatingLinks ratingLinks) {
        this.applications = applications;
        this.documents = documents;
        this.events = events;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.ratingLinks = ratingLinks;
    }

    Terms terms(String region, Actor actor, Instant now) {
        LocalDate today = time.dayOf(now);
        return new Terms(
                properties.acceptance().automatic(),
                catalog.calendar(region),
                properties.pledge().maxWorkingDays(),
                today,
                now,
                actor);
    }

    Terms terms(Application application, Actor actor, Instant now) {
        return terms(application.snapshot().region(), actor, now);
    }

    void save(Application application, Instant now) {
        var recorded = application.pullEvents();
        applications.save(application, now);
        if (recorded.stream().anyMatch(ApplicationEvent::opensDocumentsToDepartments)) {
            documents.grant(application.number(), application.snapshot().documentsByDepartment());
        }
        if (recorded.stream().anyMatch(ApplicationEvent::endsApplication)) {
            documents.endGrants(application.number(), now);
        }
        // the rating link (好差评 by SMS) goes with a completion or a refusal, signed only then
        String ratingPath = recorded.stream()
                        .anyMatch(e -> e instanceof ApplicationEvent.Completed || e instanceof ApplicationEvent.Refused)
                ? ratingLinks.pathFor(application.number(), time.dayOf(now))
                : null;
        for (ApplicationEvent event : recorded) {
            IntakeEvents.Outgoing outgoing = IntakeEvents.of(application, event, ratingPath);
            events.publish(outgoing.type(), application.number(), outgoing.data());
        }
    }
}
