package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.cases.Calendars.d;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * Clocks in working days on region 330000's 2026 calendar: Mid-Autumn (Fri 25 to Sun 27 September), National Day
 * (1 to 7 October), make-up working days Sunday 20 September and Saturday 10 October.
 */
class WorkingDayClockTest {

    static final WorkingDayCalendar CALENDAR = Calendars.zhejiang2026();

    static CaseClock clock(
            int promised, String started, int suspended, String pausedSince, String stopped, String today) {
        return new WorkingDayClock(
                        promised,
                        started == null ? null : d(started),
                        suspended,
                        pausedSince == null ? null : d(pausedSince),
                        stopped == null ? null : d(stopped))
                .on(d(today), CALENDAR, false, false);
    }

    @Test
    void theDueDateSkipsMidAutumnAndNationalDay() {
        // accepted Wednesday 23 Sep: Thu 24 is day 1, Fri 25 to Sun 27 are holidays, Mon 28 to Wed 30 days 2-4,
        // 1-7 Oct holidays, Thu 8 Oct day 5
        var clock = clock(5, "2026-09-23", 0, null, null, "2026-09-23");

        assertThat(clock.dueDate()).isEqualTo(d("2026-10-08"));
        assertThat(clock.workingDaysUsed()).isZero();
        assertThat(clock.workingDaysLeft()).isEqualTo(5);
        assertThat(clock.running()).isTrue();

        var duringHolidays = clock(5, "2026-09-23", 0, null, null, "2026-10-05");
        assertThat(duringHolidays.workingDaysUsed()).isEqualTo(4);
        assertThat(duringHolidays.workingDaysLeft()).isEqualTo(1);
        assertThat(duringHolidays.overdue()).isFalse();
    }

    @Test
    void makeUpWorkingDaysCount() {
        // accepted Friday 18 Sep: Sunday 20 Sep is a make-up working day, so the 3rd working day is Tuesday 22
        var clock = clock(3, "2026-09-18", 0, null, null, "2026-09-20");

        assertThat(clock.workingDaysUsed()).isEqualTo(1);
        assertThat(clock.dueDate()).isEqualTo(d("2026-09-22"));

        // and Saturday 10 Oct after National Day: started Fri 9 Oct, 1 working day -> Sat 10 Oct
        assertThat(clock(1, "2026-10-09", 0, null, null, "2026-10-09").dueDate())
                .isEqualTo(d("2026-10-10"));
    }

    @Test
    void aSuspensionMovesTheDueDateByExactlyItsWorkingDays() {
        var before = clock(5, "2026-09-23", 0, null, null, "2026-09-29");
        assertThat(before.dueDate()).isEqualTo(d("2026-10-08"));
        assertThat(before.workingDaysUsed()).isEqualTo(3);

        // suspended Tue 29 Sep; during it the used days stand still, across National Day
        var during = clock(5, "2026-09-23", 0, "2026-09-29", null, "2026-10-08");
        assertThat(during.running()).isFalse();
        assertThat(during.workingDaysUsed()).isEqualTo(3);
        assertThat(during.suspendedWorkingDays()).isEqualTo(2); // Wed 30 Sep, Thu 8 Oct

        // resumed Fri 9 Oct: Wed 30 Sep, Thu 8 Oct, Fri 9 Oct did not count
        int paused = new WorkingDayClock(5, d("2026-09-23"), 0, d("2026-09-29"), null)
                .currentPause(CALENDAR, d("2026-10-09"));
        assertThat(paused).isEqualTo(3);
        var after = clock(5, "2026-09-23", paused, null, null, "2026-10-09");
        assertThat(after.dueDate())
                .isEqualTo(CALENDAR.plusWorkingDays(before.dueDate(), 3))
                .isEqualTo(d("2026-10-12")); // Fri 9, Sat 10 (make-up), Mon 12
        assertThat(after.workingDaysUsed()).isEqualTo(3);
        assertThat(after.workingDaysLeft()).isEqualTo(2);
        assertThat(after.running()).isTrue();
    }

    @Test
    void warningAtEightyPercentAndOverdueThePromisedTimeAfter() {
        // 5 promised days: 4 used is 80%
        var threeUsed = clock(5, "2026-09-23", 0, null, null, "2026-09-29");
        var fourUsed = clock(5, "2026-09-23", 0, null, null, "2026-09-30");
        var dueDay = clock(5, "2026-09-23", 0, null, null, "2026-10-08");
        var dayAfter = clock(5, "2026-09-23", 0, null, null, "2026-10-09");

        assertThat(WorkingDayClock.reached(threeUsed, 80)).isFalse();
        assertThat(WorkingDayClock.reached(fourUsed, 80)).isTrue();
        assertThat(WorkingDayClock.past(dueDay)).isFalse();
        assertThat(dueDay.workingDaysLeft()).isZero();
        assertThat(WorkingDayClock.past(dayAfter)).isTrue();
        assertThat(dayAfter.overdue()).isTrue();
        assertThat(dayAfter.workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void aSameDayTimeLimitIsNeverWarnedButOverdueTheNextWorkingDay() {
        var sameDay = clock(0, "2026-09-30", 0, null, null, "2026-09-30");
        assertThat(sameDay.dueDate()).isEqualTo(d("2026-09-30"));
        assertThat(WorkingDayClock.reached(sameDay, 80)).isFalse();
        assertThat(WorkingDayClock.past(clock(0, "2026-09-30", 0, null, null, "2026-10-07")))
                .isFalse();
        assertThat(WorkingDayClock.past(clock(0, "2026-09-30", 0, null, null, "2026-10-08")))
                .isTrue();
    }

    @Test
    void aWaitingCaseHasNoClockAndADecidedOneStopsOnItsDecisionDay() {
        var waiting = clock(3, null, 0, null, null, "2026-10-12");
        assertThat(waiting.startedOn()).isNull();
        assertThat(waiting.dueDate()).isNull();
        assertThat(waiting.workingDaysLeft()).isEqualTo(3);
        assertThat(waiting.running()).isFalse();

        var decided = clock(5, "2026-09-23", 0, null, "2026-09-29", "2026-12-31");
        assertThat(decided.workingDaysUsed()).isEqualTo(3);
        assertThat(decided.running()).isFalse();
        assertThat(decided.overdue()).isFalse();
    }

    @Test
    void beyondTheKnownYearsWeekdaysCount() {
        var clock = clock(2, "2027-12-30", 0, null, null, "2027-12-30");
        // Thu 30 Dec 2027 -> Fri 31 (1), Mon 3 Jan 2028 (2): 2028 unknown, Monday to Friday
        assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2028-01-03"));
    }
}
