package org.runonce.approval.cases;

import java.time.LocalDate;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * A case's clock in working days of its region's calendar. The day the clock starts does not count (time limits
 * run from the next working day); a pause covers the working days in {@code (paused since, resumed on]}, which do
 * not count and move the due date back by as many working days.
 *
 * @param promisedDays the promised time limit
 * @param startedOn the day the clock started, or null while the case waits for others
 * @param suspendedDays working days of pauses that have ended
 * @param pausedSince the day the current pause began, or null
 * @param stoppedOn the day the case was decided or withdrawn, or null
 */
record WorkingDayClock(
        int promisedDays, LocalDate startedOn, int suspendedDays, LocalDate pausedSince, LocalDate stoppedOn) {

    /** The clock as of {@code today} (or as of the day it stopped). */
    CaseClock on(LocalDate today, WorkingDayCalendar calendar, boolean warned, boolean overdueRaised) {
        if (startedOn == null) {
            return new CaseClock(promisedDays, null, null, 0, promisedDays, 0, false, warned, overdueRaised);
        }
        LocalDate end = stoppedOn != null ? stoppedOn : today;
        int paused = suspendedDays + currentPause(calendar, end);
        int used = Math.max(0, calendar.workingDaysBetween(startedOn, end) - paused);
        LocalDate due = calendar.plusWorkingDays(startedOn, promisedDays + paused);
        boolean running = pausedSince == null && stoppedOn == null;
        return new CaseClock(
                promisedDays,
                startedOn,
                due,
                used,
                promisedDays - used,
                paused,
                running,
                warned,
                overdueRaised || used > promisedDays);
    }

    /** Working days the current pause has lasted as of {@code day}. */
    int currentPause(WorkingDayCalendar calendar, LocalDate day) {
        if (pausedSince == null || day.isBefore(pausedSince)) {
            return 0;
        }
        return calendar.workingDaysBetween(pausedSince, day);
    }

    /** Whether {@code percent} of the promised time is used (never for a time limit of 0 days). */
    static boolean reached(CaseClock clock, int percent) {
        return clock.startedOn() != null
                && clock.promisedWorkingDays() > 0
                && clock.workingDaysUsed() * 100L >= (long) clock.promisedWorkingDays() * percent;
    }

    /** Whether the promised time has passed. */
    static boolean past(CaseClock clock) {
        return clock.startedOn() != null && clock.workingDaysUsed() > clock.promisedWorkingDays();
    }
}
