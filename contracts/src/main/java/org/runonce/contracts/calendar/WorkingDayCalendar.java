package org.runonce.contracts.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working-day arithmetic for one region: Saturdays and Sundays are rest days unless they are make-up working
 * days (调休), and public holidays are rest days. Every service computes time limits with this one class, on the
 * copy of the calendar it received from the catalog's events.
 *
 * <p>Time limits follow the rule that the day something happens does not count: "N working days after D" is the
 * N-th working day strictly after D, and the working days used between D1 and D2 are those in (D1, D2]. Years
 * the calendar does not cover fall back to the Monday-to-Friday rule; {@link #covers(LocalDate)} says whether a
 * result is provisional.
 *
 * @param region region code, e.g. {@code 330000}
 * @param years the years whose holidays and make-up days are known
 * @param holidays public holidays (rest days, whatever their weekday)
 * @param makeUpWorkingDays weekend days that are working days
 */
public record WorkingDayCalendar(
        String region, Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    public WorkingDayCalendar {
        Objects.requireNonNull(region, "region");
        years = Set.copyOf(years);
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        SortedSet<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(makeUpWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("days both holiday and make-up working day: " + both);
        }
    }

    /** Whether the holidays of {@code date}'s year are known, i.e. results around it are not provisional. */
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code date} (before it for negative {@code n}); {@code date} itself
     * for {@code n == 0}.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate day = date;
        for (int remaining = Math.abs(n); remaining > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * Working days in {@code (from, to]}; negative, counting {@code (to, from]}, when {@code to} is before
     * {@code from}. So {@code plusWorkingDays(d, workingDaysBetween(d, x)) == x} for every working day x.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
