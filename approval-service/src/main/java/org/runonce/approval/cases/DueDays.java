package org.runonce.approval.cases;

import java.time.LocalDate;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * The days a running clock reaches the warning and passes the promised time, as {@link WorkingDayClock#reached} and
 * {@link WorkingDayClock#past} would first say so: kept with the case, so the deadline watch selects only the cases
 * whose day has come. A clock that does not run (not started, paused, stopped) has none: resuming or starting it
 * computes them again.
 *
 * @param warning the first day {@code warningPercent} of the promised working days are used, or null
 * @param overdue the first day more than the promised working days are used, or null
 */
record DueDays(LocalDate warning, LocalDate overdue) {

    static final DueDays NONE = new DueDays(null, null);

    static DueDays of(WorkingDayClock clock, WorkingDayCalendar calendar, int warningPercent) {
        if (clock.startedOn() == null || clock.pausedSince() != null || clock.stoppedOn() != null) {
            return NONE;
        }
        int promised = clock.promisedDays();
        // used * 100 >= promised * percent first holds at used = ceil(promised * percent / 100); never for 0 days
        LocalDate warning =
                promised == 0 ? null : dayUsing(clock, calendar, (int) ((promised * (long) warningPercent + 99) / 100));
        return new DueDays(warning, dayUsing(clock, calendar, promised + 1));
    }

    /** The first day on which {@code used} working days are used (the start day does not count, ended pauses skip). */
    private static LocalDate dayUsing(WorkingDayClock clock, WorkingDayCalendar calendar, int used) {
        return calendar.plusWorkingDays(clock.startedOn(), used + clock.suspendedDays());
    }
}
