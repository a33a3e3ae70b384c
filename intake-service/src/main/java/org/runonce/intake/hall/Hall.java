package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Service;

/** What portals read of the hall: service points by region, and the free slots of a category. */
@Service
class Hall {

    private final HallStore store;
    private final RegionCalendars calendars;
    private final HallProperties properties;
    private final Time time;

    Hall(HallStore store, RegionCalendars calendars, HallProperties properties, Time time) {
        this.store = store;
        this.calendars = calendars;
        this.properties = properties;
        this.time = time;
    }

    /**
     * Points in a region and below it: {@code 330000} the province's, {@code 330100} the city's, {@code 330106} the
     * county's with its townships and villages.
     */
    List<ServicePoint> points(String region) {
        if (region == null || region.isBlank()) {
            return store.points("");
        }
        if (!region.matches("[0-9]{6}([0-9]{3}([0-9]{3})?)?")) {
            throw Refusal.badRequest("invalid-region", "Invalid region code", "a region code has 6, 9 or 12 digits");
        }
        String prefix = region.length() == 6 ? region.replaceFirst("(00)+$", "") : region;
        return store.points(prefix);
    }

    ServicePoint point(String code) {
        return store.point(code).orElseThrow(() -> Refusal.notFound("Service point", code));
    }

    WorkingDayCalendar calendar(ServicePoint point) {
        return calendars.of(point.region());
    }

    /** The category's slots from {@code from} to {@code to}, within the booking horizon and not yet begun. */
    List<FreeSlot> freeSlots(ServicePoint point, Category category, LocalDate from, LocalDate to) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        LocalDate first = from == null || from.isBefore(today) ? today : from;
        LocalDate horizon = today.plusDays(properties.bookingDays());
        LocalDate last = to == null || to.isAfter(horizon) ? horizon : to;
        List<FreeSlot> slots = new ArrayList<>();
        if (last.isBefore(first)) {
            return slots;
        }
        WorkingDayCalendar calendar = calendar(point);
        Map<LocalDate, Map<java.time.LocalTime, Integer>> booked =
                store.booked(point.code(), category.code(), first, last);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Slot slot : Slots.offered(point.hours(), point.slotMinutes(), calendar, day)) {
                if (!day.atTime(slot.starts()).atZone(time.zone()).toInstant().isAfter(now)) {
                    continue;
                }
                int taken = booked.getOrDefault(day, Map.of()).getOrDefault(slot.starts(), 0);
                int capacity = category.capacityPerSlot();
                slots.add(new FreeSlot(
                        day, slot.starts(), slot.ends(), slot.kind(), capacity, Math.max(0, capacity - taken)));
            }
        }
        return slots;
    }
}
