package org.runonce.intake.hall;

import java.util.List;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.intake.catalog.CatalogCopy;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar of a service point's region, from intake's catalog copy: the county's own, else its
 * city's, else its province's (the catalog publishes calendars per region; townships and villages follow their
 * county). A region with none of them known has a calendar covering no year, hence no slots.
 */
@Component
class RegionCalendars {

    private final CatalogCopy catalog;

    RegionCalendars(CatalogCopy catalog) {
        this.catalog = catalog;
    }

    WorkingDayCalendar of(String region) {
        String county = region.substring(0, 6);
        List<String> candidates = List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000");
        for (String candidate : candidates) {
            WorkingDayCalendar calendar = catalog.calendar(candidate);
            if (!calendar.years().isEmpty()) {
                return calendar;
            }
        }
        return catalog.calendar(county);
    }
}
