package org.runonce.contracts.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar of a region for a year was published or revised; the latest revision replaces the
 * earlier ones for that region and year. Feed {@code holidays} and {@code makeUpWorkingDays} of all years of a
 * region into {@link org.runonce.contracts.calendar.WorkingDayCalendar}. Subject and Kafka key: the region code.
 *
 * @param region region code, e.g. 330000
 * @param year the year the schedule is for
 * @param revision increases with every change
 * @param demo true when the dates are made up for demonstration, not the State Council's published schedule
 * @param holidays every public holiday (rest day), ascending
 * @param makeUpWorkingDays every weekend day that is a working day (调休), ascending
 * @param festivals the holiday periods as announced, for display
 * @param publishedAt when this revision was published
 */
public record CalendarPublished(
        String region,
        int year,
        int revision,
        boolean demo,
        List<LocalDate> holidays,
        List<LocalDate> makeUpWorkingDays,
        List<Festival> festivals,
        Instant publishedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.calendar.published.v1";

    /**
     * One holiday period.
     *
     * @param name e.g. 国庆节 / National Day
     * @param from first rest day
     * @param to last rest day (inclusive)
     * @param makeUpWorkingDays weekend days worked to compensate
     */
    public record Festival(Name name, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {}
}
