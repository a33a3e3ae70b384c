package org.runonce.approval.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** "Now" and "today" from the injected {@link Clock} (tests move it), today in the configured zone. */
@Component
public class Time {

    private final Clock clock;
    private final ApprovalProperties properties;

    public Time(Clock clock, ApprovalProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    /** The calendar day of an instant in the configured zone. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, properties.zone());
    }
}
