package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/** Slots of a day from a point's hours and its region's calendar. */
class SlotsTest {

    /** 2027: New Year's Day a Friday holiday, Sunday 31 January a make-up working day (调休). */
    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            "330000",
            Set.of(2027),
            Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02"), LocalDate.parse("2027-02-06")),
            Set.of(LocalDate.parse("2027-01-31")));

    static final OpeningHours HALL = new OpeningHours(
            List.of(period("09:00", "12:00"), period("13:30", "17:00")),
            List.of(period("12:00", "13:30"), new Period(time("17:00"), time("19:00"), Set.of(DayOfWeek.TUESDAY))),
            List.of(new Period(time("09:00"), time("12:00"), Set.of(DayOfWeek.SATURDAY))));

    @Test
    void aWorkingDayHasTheRegularAndTheExtendedHoursCutIntoSlots() {
        List<Slot> monday = Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-04"));

        assertThat(monday).extracting(Slot::starts).first().isEqualTo(time("09:00"));
        assertThat(monday).extracting(Slot::ends).last().isEqualTo(time("17:00"));
        // 09:00-12:00 six, 12:00-13:30 three (extended), 13:30-17:00 seven
        assertThat(monday).hasSize(16);
        assertThat(monday)
                .filteredOn(s -> s.kind() == Slot.Kind.EXTENDED)
                .extracting(Slot::starts)
                .containsExactly(time("12:00"), time("12:30"), time("13:00"));
        assertThat(monday).isSortedAccordingTo(java.util.Comparator.comparing(Slot::starts));
    }

    @Test
    void extendedHoursForSomeWeekdaysOnlyOnThose() {
        List<Slot> tuesday = Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-05"));

        assertThat(tuesday).hasSize(20);
        assertThat(tuesday.getLast())
                .isEqualTo(new Slot(LocalDate.parse("2027-01-05"), time("18:30"), time("19:00"), Slot.Kind.EXTENDED));
    }

    @Test
    void aHolidayHasNoneEvenWithWeekendHours() {
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-01")))
                .isEmpty();
        // a Saturday that is a holiday: the weekend hours do not open it
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-02")))
                .isEmpty();
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-02-06")))
                .isEmpty();
    }

    @Test
    void aMakeUpWorkingDayHasTheWorkingDayHoursWhateverItsWeekday() {
        List<Slot> sunday = Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-31"));

        assertThat(sunday).hasSize(16);
        assertThat(sunday).noneMatch(s -> s.kind() == Slot.Kind.WEEKEND);
    }

    @Test
    void otherWeekendDaysHaveTheWeekendHoursOfTheirWeekday() {
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-09")))
                .hasSize(6)
                .allMatch(s -> s.kind() == Slot.Kind.WEEKEND);
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2027-01-10")))
                .isEmpty();
    }

    @Test
    void aRestShorterThanASlotIsNotOffered() {
        OpeningHours hours = new OpeningHours(List.of(period("09:00", "10:50")), List.of(), List.of());

        assertThat(Slots.offered(hours, 45, CALENDAR, LocalDate.parse("2027-01-04")))
                .extracting(Slot::starts, Slot::ends)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(time("09:00"), time("09:45")),
                        org.assertj.core.groups.Tuple.tuple(time("09:45"), time("10:30")));
    }

    @Test
    void overlappingPeriodsGiveEachStartOnce() {
        OpeningHours hours =
                new OpeningHours(List.of(period("09:00", "12:00")), List.of(period("11:00", "13:00")), List.of());

        List<Slot> slots = Slots.offered(hours, 60, CALENDAR, LocalDate.parse("2027-01-04"));

        assertThat(slots)
                .extracting(Slot::starts)
                .containsExactly(time("09:00"), time("10:00"), time("11:00"), time("12:00"));
        assertThat(slots.get(2).kind()).isEqualTo(Slot.Kind.REGULAR);
    }

    @Test
    void aYearTheCalendarDoesNotCoverOffersNothing() {
        assertThat(Slots.offered(HALL, 30, CALENDAR, LocalDate.parse("2028-01-04")))
                .isEmpty();
    }

    @Test
    void theSlotAtATimeIsOnlyOneThatStartsThere() {
        LocalDate monday = LocalDate.parse("2027-01-04");

        assertThat(Slots.at(HALL, 30, CALENDAR, monday, time("09:30"))).isPresent();
        assertThat(Slots.at(HALL, 30, CALENDAR, monday, time("09:15"))).isEmpty();
        assertThat(Slots.at(HALL, 30, CALENDAR, monday, time("18:00"))).isEmpty();
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThatThrownBy(() -> period("12:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCategoryNamingAnItemComesBeforeTheComprehensiveWindow() {
        Category comprehensive =
                new Category("COMPREHENSIVE", "A", "综合受理", "Comprehensive", 4, 4, List.of("*"), List.of("*"));
        Category company = new Category(
                "COMPANY",
                "C",
                "企业开办",
                "Company",
                3,
                3,
                List.of("samr-company-registration"),
                List.of("company-startup"));
        Category social = new Category(
                "SOCIAL_AFFAIRS", "S", "社会事务", "Social", 2, 2, List.of("hrss-social-security-card"), List.of());
        ServicePoint point = new ServicePoint(
                "p", "点", "Point", Level.COUNTY, "330106", null, "", 30, HALL, List.of(comprehensive, company, social));

        assertThat(point.categoryFor(new Matter(null, "company-startup"), null)).isEqualTo(company);
        assertThat(point.categoryFor(new Matter("samr-food-business-licence", null), null))
                .isEqualTo(comprehensive);
        assertThat(point.categoryFor(new Matter("hrss-social-security-card", null), "COMPREHENSIVE"))
                .isEqualTo(comprehensive);
        assertThatThrownBy(() -> point.categoryFor(new Matter("samr-company-registration", null), "SOCIAL_AFFAIRS"))
                .hasMessageContaining("Not handled at this service point");
        assertThat(Ticket.number("C", 12)).isEqualTo("C012");
    }

    private static Period period(String from, String to) {
        return new Period(time(from), time(to), Set.of());
    }

    private static LocalTime time(String value) {
        return LocalTime.parse(value);
    }
}
