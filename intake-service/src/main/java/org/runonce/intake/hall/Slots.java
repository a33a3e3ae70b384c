package org.runonce.intake.hall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * The slots a service point offers on a day: none on a public holiday; on a working day of the region's calendar
 * (a make-up working day 调休 included, whatever its weekday) the regular and the extended hours; on any other
 * Saturday or Sunday the weekend hours. Each period is cut into slots of the point's length from its start; a rest
 * shorter than a slot is not offered. Days of a year the calendar does not cover offer nothing: a holiday not yet
 * published could fall on them.
 */
public final class Slots {

    private Slots() {}

    public static List<Slot> offered(OpeningHours hours, int slotMinutes, WorkingDayCalendar calendar, LocalDate day) {
        if (slotMinutes <= 0) {
            throw new IllegalArgumentException("slot length must be positive: " + slotMinutes);
        }
        if (!calendar.covers(day) || calendar.holidays().contains(day)) {
            return List.of();
        }
        Map<LocalTime, Slot> slots = new LinkedHashMap<>();
        if (calendar.isWorkingDay(day)) {
            cut(hours.workingDays(), Slot.Kind.REGULAR, slotMinutes, day, slots);
            cut(hours.extended(), Slot.Kind.EXTENDED, slotMinutes, day, slots);
        } else {
            cut(hours.weekends(), Slot.Kind.WEEKEND, slotMinutes, day, slots);
        }
        List<Slot> sorted = new ArrayList<>(slots.values());
        sorted.sort(Comparator.comparing(Slot::starts));
        return sorted;
    }

    /** The slot starting at {@code starts} on {@code day}, if the point offers one. */
    public static java.util.Optional<Slot> at(
            OpeningHours hours, int slotMinutes, WorkingDayCalendar calendar, LocalDate day, LocalTime starts) {
        return offered(hours, slotMinutes, calendar, day).stream()
                .filter(s -> s.starts().equals(starts))
                .findFirst();
    }

    private static void cut(
            List<Period> periods, Slot.Kind kind, int slotMinutes, LocalDate day, Map<LocalTime, Slot> slots) {
        for (Period period : periods) {
            if (!period.appliesOn(day.getDayOfWeek())) {
                continue;
            }
            int start = period.from().toSecondOfDay() / 60;
            int end = period.to().toSecondOfDay() / 60;
            for (int minute = start; minute + slotMinutes <= end; minute += slotMinutes) {
                LocalTime from = LocalTime.ofSecondOfDay(minute * 60L);
                LocalTime to = LocalTime.ofSecondOfDay((minute + slotMinutes) * 60L % 86_400);
                slots.putIfAbsent(from, new Slot(day, from, to, kind));
            }
        }
    }
}
