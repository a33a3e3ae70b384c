package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.cases.Calendars.d;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The kept days agree with the clock: the first day {@link WorkingDayClock} says reached, and past, day by day. */
class DueDaysTest {

    private final org.runonce.contracts.calendar.WorkingDayCalendar calendar = Calendars.zhejiang2026();

    @Test
    void theDaysAreTheFirstOnWhichTheClockSaysSo() {
        for (LocalDate start = d("2026-01-01"); start.isBefore(d("2026-11-01")); start = start.plusDays(3)) {
            for (int promised : new int[] {0, 1, 3, 5, 10, 20}) {
                for (int suspended : new int[] {0, 2}) {
                    for (int percent : new int[] {1, 80, 100}) {
                        var clock = new WorkingDayClock(promised, start, suspended, null, null);
                        var due = DueDays.of(clock, calendar, percent);
                        assertThat(due.warning()).isEqualTo(first(clock, percent, false));
                        assertThat(due.overdue()).isEqualTo(first(clock, percent, true));
                    }
                }
            }
        }
    }

    @Test
    void aClockThatDoesNotRunHasNoDays() {
        assertThat(DueDays.of(new WorkingDayClock(5, null, 0, null, null), calendar, 80))
                .isEqualTo(DueDays.NONE);
        assertThat(DueDays.of(new WorkingDayClock(5, d("2026-03-02"), 0, d("2026-03-04"), null), calendar, 80))
                .isEqualTo(DueDays.NONE);
        assertThat(DueDays.of(new WorkingDayClock(5, d("2026-03-02"), 0, null, d("2026-03-05")), calendar, 80))
                .isEqualTo(DueDays.NONE);
    }

    /** The first day the clock reports the warning reached (or the time past), walking day by day; null if never. */
    private LocalDate first(WorkingDayClock clock, int percent, boolean past) {
        for (LocalDate day = clock.startedOn(); day.isBefore(clock.startedOn().plusDays(120)); day = day.plusDays(1)) {
            var reading = clock.on(day, calendar, false, false);
            if (past ? WorkingDayClock.past(reading) : WorkingDayClock.reached(reading, percent)) {
                return day;
            }
        }
        return null;
    }
}
