package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/** Region 330000's 2026 calendar as the State Council published it (the catalog's demo calendar). */
final class Calendars {

    private Calendars() {}

    static WorkingDayCalendar zhejiang2026() {
        Set<LocalDate> holidays = new HashSet<>();
        range(holidays, "2026-01-01", "2026-01-03");
        range(holidays, "2026-02-15", "2026-02-23");
        range(holidays, "2026-04-04", "2026-04-06");
        range(holidays, "2026-05-01", "2026-05-05");
        range(holidays, "2026-06-19", "2026-06-21");
        range(holidays, "2026-09-25", "2026-09-27");
        range(holidays, "2026-10-01", "2026-10-07");
        Set<LocalDate> makeUp = Set.of(
                d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10"));
        return new WorkingDayCalendar("330000", Set.of(2026), holidays, makeUp);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static void range(Set<LocalDate> into, String from, String to) {
        for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
            into.add(day);
        }
    }
}
