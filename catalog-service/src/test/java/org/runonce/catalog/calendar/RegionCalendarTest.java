package org.runonce.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

class RegionCalendarTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    static Festival nationalDay2026() {
        return new Festival(
                Bilingual.name("国庆节", "National Day"),
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-07"),
                List.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")));
    }

    @Test
    void holidaysAndMakeUpDaysDriveTheSharedArithmetic() {
        RegionCalendar calendar = RegionCalendar.publish("330000", 2026, List.of(nationalDay2026()), false, NOW);
        WorkingDayCalendar days = RegionCalendar.combine("330000", List.of(calendar));

        assertThat(calendar.holidays()).hasSize(7);
        assertThat(days.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue(); // Sunday, make-up day
        assertThat(days.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse(); // Monday, holiday
        // Wednesday 30 September + 3 working days: Oct 8, 9, 10 (Saturday, make-up)
        assertThat(days.plusWorkingDays(LocalDate.parse("2026-09-30"), 3)).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(days.covers(LocalDate.parse("2026-12-01"))).isTrue();
        assertThat(days.covers(LocalDate.parse("2027-01-04"))).isFalse();
    }

    @Test
    void onlyWeekendDaysCanBeMadeWorkingDays() {
        Festival wrong = new Festival(
                Bilingual.name("国庆节", "National Day"),
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-07"),
                List.of(LocalDate.parse("2026-10-09")));

        assertThatThrownBy(() -> RegionCalendar.publish("330000", 2026, List.of(wrong), false, NOW))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("only weekend days");
    }

    @Test
    void aDayCannotBeBothHolidayAndWorkingDay() {
        Festival other = new Festival(
                Bilingual.name("别的节", "Other"),
                LocalDate.parse("2026-09-19"),
                LocalDate.parse("2026-09-20"),
                List.of());

        assertThatThrownBy(() -> RegionCalendar.publish("330000", 2026, List.of(nationalDay2026(), other), false, NOW))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("both holiday and make-up working day");
    }

    @Test
    void datesMustBelongToTheYearsSchedule() {
        assertThatThrownBy(() -> RegionCalendar.publish("330000", 2027, List.of(nationalDay2026()), true, NOW))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("not part of the 2027 schedule");
    }

    @Test
    void revisionsCount() {
        RegionCalendar calendar = RegionCalendar.publish("330000", 2026, List.of(), true, NOW);
        calendar.revise(List.of(nationalDay2026()), false, NOW);

        assertThat(calendar.revision()).isEqualTo(2);
        assertThat(calendar.demo()).isFalse();
    }
}
