package org.runonce.catalog.calendar;

import static org.runonce.catalog.CatalogEventSchemas.NOW;
import static org.runonce.catalog.CatalogEventSchemas.assertValid;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.CalendarPublished;

/** The calendar event the catalog produces, in its envelope, satisfies the schema consumers test against. */
class CalendarEventSchemaTest {

    @Test
    void calendarPublished() {
        RegionCalendar calendar = RegionCalendar.publish(
                "330000",
                2026,
                List.of(new Festival(
                        Bilingual.name("国庆节", "National Day"),
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-10-07"),
                        List.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")))),
                false,
                NOW);
        assertValid(CalendarPublished.TYPE, "330000", null, CalendarService.published(calendar));
    }
}
