package org.runonce.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests set and move instead of waiting. */
public final class MutableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant instant;

    public MutableClock(Instant instant) {
        this.instant = instant;
    }

    /** Sets the clock to a local date-time in Asia/Shanghai, e.g. {@code 2026-09-30T10:00}. */
    public void set(String localDateTime) {
        instant = LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    public void set(Instant newInstant) {
        instant = newInstant;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
