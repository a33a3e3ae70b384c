package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * When a change happens: now, today, and the calendar of the case's region.
 *
 * @param now the instant
 * @param today the day in the platform's zone
 * @param calendar the region's working-day calendar
 */
record Moment(Instant now, LocalDate today, WorkingDayCalendar calendar) {}
