package org.runonce.catalog.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

/**
 * The working-day calendar of one region for one year: public holidays and make-up working days (调休). Each
 * change is published at once under a new revision; other services compute time limits on their copy of it.
 */
public final class RegionCalendar {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private final String region;
    private final int year;
    private List<Festival> festivals;
    private boolean demo;
    private int revision;
    private Instant publishedAt;

    private RegionCalendar(
            String region, int year, List<Festival> festivals, boolean demo, int revision, Instant publishedAt) {
        this.region = region;
        this.year = year;
        this.festivals = festivals;
        this.demo = demo;
        this.revision = revision;
        this.publishedAt = publishedAt;
    }

    /**
     * Publishes a region's calendar for a year, revision 1.
     *
     * @param demo true when the dates are made up for demonstration rather than taken from the State Council's
     *     published schedule; services must not promise real dates from it
     */
    public static RegionCalendar publish(String region, int year, List<Festival> festivals, boolean demo, Instant now) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw Refusal.invalid("region code must be six digits (e.g. 330000), got " + region);
        }
        if (year < 2000 || year > 2100) {
            throw Refusal.invalid("year out of range: " + year);
        }
        RegionCalendar calendar = new RegionCalendar(region, year, List.of(), demo, 0, now);
        calendar.revise(festivals, demo, now);
        return calendar;
    }

    static RegionCalendar restore(
            String region, int year, List<Festival> festivals, boolean demo, int revision, Instant publishedAt) {
        return new RegionCalendar(region, year, List.copyOf(festivals), demo, revision, publishedAt);
    }

    /** Replaces the holidays and publishes the next revision. */
    public void revise(List<Festival> newFestivals, boolean newDemo, Instant now) {
        List<Festival> checked = check(newFestivals == null ? List.of() : newFestivals);
        this.festivals = checked;
        this.demo = newDemo;
        this.revision++;
        this.publishedAt = now;
    }

    private List<Festival> check(List<Festival> candidate) {
        // A year's schedule may reach into the neighbouring months (e.g. 元旦 from 12-30 of the year before).
        LocalDate earliest = LocalDate.of(year - 1, 12, 1);
        LocalDate latest = LocalDate.of(year + 1, 1, 31);
        Set<LocalDate> rest = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (Festival festival : candidate) {
            for (LocalDate day : festival.days()) {
                requireWithin(day, earliest, latest);
                if (!rest.add(day)) {
                    throw Refusal.invalid(day + " belongs to two holidays");
                }
            }
            for (LocalDate day : festival.makeUpWorkingDays()) {
                requireWithin(day, earliest, latest);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw Refusal.invalid("make-up working day " + day + " is a " + day.getDayOfWeek()
                            + "; only weekend days can be made working days");
                }
                work.add(day);
            }
        }
        Set<LocalDate> both = new TreeSet<>(rest);
        both.retainAll(work);
        if (!both.isEmpty()) {
            throw Refusal.invalid("days both holiday and make-up working day: " + both);
        }
        return List.copyOf(candidate);
    }

    private void requireWithin(LocalDate day, LocalDate earliest, LocalDate latest) {
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            throw Refusal.invalid(day + " is not part of the " + year + " schedule");
        }
    }

    /** Every public holiday of the schedule. */
    public SortedSet<LocalDate> holidays() {
        SortedSet<LocalDate> days = new TreeSet<>();
        festivals.forEach(f -> days.addAll(f.days()));
        return days;
    }

    /** Every make-up working day of the schedule. */
    public SortedSet<LocalDate> makeUpWorkingDays() {
        SortedSet<LocalDate> days = new TreeSet<>();
        festivals.forEach(f -> days.addAll(f.makeUpWorkingDays()));
        return days;
    }

    /** The shared working-day arithmetic over all known years of one region. */
    public static WorkingDayCalendar combine(String region, Collection<RegionCalendar> calendars) {
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        for (RegionCalendar calendar : calendars) {
            if (!calendar.region.equals(region)) {
                throw new IllegalArgumentException("calendar of " + calendar.region + " is not for " + region);
            }
            years.add(calendar.year);
            holidays.addAll(calendar.holidays());
            makeUp.addAll(calendar.makeUpWorkingDays());
        }
        // Neighbouring years' schedules never disagree in practice; if they do, the rest day wins.
        makeUp.removeAll(holidays);
        return new WorkingDayCalendar(region, years, holidays, makeUp);
    }

    public String region() {
        return region;
    }

    public int year() {
        return year;
    }

    public List<Festival> festivals() {
        return festivals;
    }

    public boolean demo() {
        return demo;
    }

    public int revision() {
        return revision;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
