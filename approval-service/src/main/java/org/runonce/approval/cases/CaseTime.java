package org.runonce.approval.cases;

import java.time.LocalDate;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;

/** The moment a change of a case happens: now, today, and the working-day calendar of the case's region. */
@Component
class CaseTime {

    private final CatalogCopy catalog;
    private final Time time;

    CaseTime(CatalogCopy catalog, Time time) {
        this.catalog = catalog;
        this.time = time;
    }

    Moment of(Case c) {
        return of(c.subject().region());
    }

    Moment of(String region) {
        return new Moment(time.now(), time.today(), catalog.calendar(region));
    }

    /** The region's working-day calendar (kept in memory by the catalog copy). */
    WorkingDayCalendar calendar(String region) {
        return catalog.calendar(region);
    }

    LocalDate today() {
        return time.today();
    }
}
