package org.runonce.starter.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * "Now" and "today" of a service: instants from the injected {@link Clock} (tests move it) to the microsecond
 * PostgreSQL keeps, calendar days in the platform's zone ({@code runonce.zone}, by default Asia/Shanghai).
 */
public final class Time {

    private final Clock clock;
    private final ZoneId zone;

    public Time(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Now, to the microsecond. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date in the zone. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The calendar day of an instant in the zone. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The zone whose calendar dates count (working days, promised dates, "in force today"). */
    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }
}
