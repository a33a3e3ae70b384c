package org.runonce.catalog.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.runonce.catalog.shared.Names;
import org.runonce.catalog.shared.Refusal;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing region calendars and answering working-day questions with the shared arithmetic. */
@Service
public class CalendarService {

    private final Calendars calendars;
    private final Events events;
    private final Clock clock;

    CalendarService(Calendars calendars, Events events, Clock clock) {
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
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
            calendar.revise(festivals, demo, clock.instant());
        } else {
            calendar = RegionCalendar.publish(region, year, festivals, demo, clock.instant());
        }
        calendars.save(calendar);
        events.publish(CalendarPublished.TYPE, region, published(calendar));
        return calendar;
    }

    @Transactional(readOnly = true)
    public List<RegionCalendar> all() {
        return calendars.all();
    }

    @Transactional(readOnly = true)
    public RegionCalendar calendar(String region, int year) {
        return calendars.find(region, year).orElseThrow(() -> Refusal.notFound("calendar", region + "/" + year));
    }

    @Transactional(readOnly = true)
    public WorkingDayCalendar workingDays(String region) {
        return calendars.workingDays(region);
    }

    /** The event carrying a calendar's full schedule. */
    public static CalendarPublished published(RegionCalendar c) {
        return new CalendarPublished(
                c.region(),
                c.year(),
                c.revision(),
                c.demo(),
                List.copyOf(c.holidays()),
                List.copyOf(c.makeUpWorkingDays()),
                c.festivals().stream()
                        .map(f ->
                                new CalendarPublished.Festival(name(f.name()), f.from(), f.to(), f.makeUpWorkingDays()))
                        .toList(),
                c.publishedAt());
    }

    private static Name name(Names names) {
        return new Name(names.zh(), names.en());
    }
}
