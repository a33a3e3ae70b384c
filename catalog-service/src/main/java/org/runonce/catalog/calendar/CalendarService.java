package org.runonce.catalog.calendar;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing region calendars and answering working-day questions with the shared arithmetic. */
@Service
public class CalendarService {

    private final Calendars calendars;
    private final Events events;
    private final Time time;

    CalendarService(Calendars calendars, Events events, Time time) {
        this.calendars = calendars;
        this.events = events;
        this.time = time;
    }

    /**
     * Publishes a region's calendar for a year (a new revision when it exists) and announces it.
     *
     * @param precondition checks the caller's If-Match against the current calendar, if there is one
     */
    @Transactional
    public RegionCalendar publish(
            String region,
            int year,
            List<Festival> festivals,
            boolean demo,
            Consumer<Optional<RegionCalendar>> precondition) {
        Optional<RegionCalendar> existing = calendars.findForUpdate(region, year);
        precondition.accept(existing);
        RegionCalendar calendar;
        if (existing.isPresent()) {
            calendar = existing.get();
            calendar.revise(festivals, demo, time.now());
        } else {
            calendar = RegionCalendar.publish(region, year, festivals, demo, time.now());
        }
        calendars.save(calendar);
        events.publish(CalendarPublished.TYPE, region, published(calendar));
        return calendar;
    }

    @Transactional(readOnly = true)
    List<RegionCalendar> all() {
        return calendars.all();
    }

    /** Whether a region's calendar for the year is published. */
    @Transactional(readOnly = true)
    public boolean exists(String region, int year) {
        return calendars.find(region, year).isPresent();
    }

    /** Every calendar as the event announcing its current schedule: what a new copy starts from. */
    @Transactional(readOnly = true)
    public List<CalendarPublished> snapshot() {
        return calendars.all().stream().map(CalendarService::published).toList();
    }

    @Transactional(readOnly = true)
    RegionCalendar calendar(String region, int year) {
        return calendars.find(region, year).orElseThrow(() -> Refusal.notFound("calendar", region + "/" + year));
    }

    @Transactional(readOnly = true)
    WorkingDayCalendar workingDays(String region) {
        return calendars.workingDays(region);
    }

    /** The event carrying a calendar's full schedule. */
    static CalendarPublished published(RegionCalendar c) {
        return new CalendarPublished(
                c.region(),
                c.year(),
                c.revision(),
                c.demo(),
                List.copyOf(c.holidays()),
                List.copyOf(c.makeUpWorkingDays()),
                c.festivals().stream()
                        .map(f -> new CalendarPublished.Festival(f.name(), f.from(), f.to(), f.makeUpWorkingDays()))
                        .toList(),
                c.publishedAt());
    }
}
