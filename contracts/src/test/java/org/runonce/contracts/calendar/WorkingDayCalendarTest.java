package org.runonce.contracts.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    /**
     * National Day 2025 as the State Council published it: 1-8 October off, Sunday 28 September and Saturday
     * 11 October worked instead.
     */
    static WorkingDayCalendar nationalDay2025() {
        Set<LocalDate> holidays = new HashSet<>();
        for (LocalDate d = of(2025, 10, 1); !d.isAfter(of(2025, 10, 8)); d = d.plusDays(1)) {
            holidays.add(d);
        }
        return new WorkingDayCalendar("330000", Set.of(2025), holidays, Set.of(of(2025, 9, 28), of(2025, 10, 11)));
    }

    WorkingDayCalendar calendar = nationalDay2025();

    @Test
    void holidaysAreRestDaysAndMakeUpWeekendsAreWorkingDays() {
        assertThat(calendar.isWorkingDay(of(2025, 10, 1))).isFalse(); // Wednesday, holiday
        assertThat(calendar.isWorkingDay(of(2025, 9, 28))).isTrue(); // Sunday, make-up day
        assertThat(calendar.isWorkingDay(of(2025, 10, 11))).isTrue(); // Saturday, make-up day
        assertThat(calendar.isWorkingDay(of(2025, 10, 12))).isFalse(); // ordinary Sunday
        assertThat(calendar.isWorkingDay(of(2025, 10, 9))).isTrue(); // Thursday after the holiday
    }

    @Test
    void countingForwardSkipsTheHolidayAndUsesTheMakeUpDays() {
        // Accepted Friday 26 Sep: Sun 28 (make-up), Mon 29, Tue 30, then the holiday, then Thu 9, Fri 10, Sat 11.
        LocalDate accepted = of(2025, 9, 26);
        assertThat(calendar.plusWorkingDays(accepted, 1)).isEqualTo(of(2025, 9, 28));
        assertThat(calendar.plusWorkingDays(accepted, 3)).isEqualTo(of(2025, 9, 30));
        assertThat(calendar.plusWorkingDays(accepted, 4)).isEqualTo(of(2025, 10, 9));
        assertThat(calendar.plusWorkingDays(accepted, 6)).isEqualTo(of(2025, 10, 11));
        assertThat(calendar.plusWorkingDays(accepted, 7)).isEqualTo(of(2025, 10, 13));
    }

    @Test
    void countingBackwardMirrorsCountingForward() {
        assertThat(calendar.plusWorkingDays(of(2025, 10, 13), -7)).isEqualTo(of(2025, 9, 26));
        assertThat(calendar.plusWorkingDays(of(2025, 10, 9), -1)).isEqualTo(of(2025, 9, 30));
        assertThat(calendar.plusWorkingDays(of(2025, 9, 29), -1)).isEqualTo(of(2025, 9, 28));
        assertThat(calendar.workingDaysBetween(of(2025, 10, 13), of(2025, 9, 26)))
                .isEqualTo(-7);
    }

    @Test
    void aDateInsideTheHolidayCountsFromTheFirstWorkingDayAfterIt() {
        // Something dated during the holiday (e.g. an online submission on 3 October): day 1 is Thursday 9 October.
        assertThat(calendar.plusWorkingDays(of(2025, 10, 3), 1)).isEqualTo(of(2025, 10, 9));
        assertThat(calendar.plusWorkingDays(of(2025, 10, 3), 3)).isEqualTo(of(2025, 10, 11));
        assertThat(calendar.workingDaysBetween(of(2025, 10, 3), of(2025, 10, 8)))
                .isZero();
        assertThat(calendar.plusWorkingDays(of(2025, 10, 3), -1)).isEqualTo(of(2025, 9, 30));
    }

    @Test
    void workingDaysBetweenExcludesTheStartAndIncludesTheEnd() {
        assertThat(calendar.workingDaysBetween(of(2025, 9, 26), of(2025, 10, 11)))
                .isEqualTo(6);
        assertThat(calendar.workingDaysBetween(of(2025, 9, 26), of(2025, 9, 26)))
                .isZero();
        for (int n = 0; n < 30; n++) {
            LocalDate due = calendar.plusWorkingDays(of(2025, 9, 20), n);
            assertThat(calendar.workingDaysBetween(of(2025, 9, 20), due)).isEqualTo(n);
        }
    }

    @Test
    void yearsWithoutAPublishedScheduleAreProvisional() {
        assertThat(calendar.covers(of(2025, 12, 31))).isTrue();
        assertThat(calendar.covers(of(2026, 1, 2))).isFalse();
        // Falls back to Monday-Friday: Fri 2 Jan 2026 + 1 = Mon 5 Jan.
        assertThat(calendar.plusWorkingDays(of(2026, 1, 2), 1)).isEqualTo(of(2026, 1, 5));
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingDayCalendar(
                        "330000", Set.of(2025), Set.of(of(2025, 10, 1)), Set.of(of(2025, 10, 1))))
                .withMessageContaining("2025-10-01");
    }
}
