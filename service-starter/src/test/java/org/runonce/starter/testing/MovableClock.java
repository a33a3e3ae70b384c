package org.runonce.starter.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests set and move instead of waiting for the day they need; every service's tests use this one (as a
 * {@code @Primary} bean, the starter's own clock then backs off). Local times are in the platform's default zone.
 */
public final class MovableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;

    /** Starts at 2026-09-22 09:00 in Shanghai. */
    public MovableClock() {
        this(Instant.parse("2026-09-22T01:00:00Z"));
    }

    public MovableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Sets the clock to a local date-time in Shanghai, e.g. {@code 2026-09-30T10:00}. */
    public void set(String localDateTime) {
        set(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant());
    }

    /** 10:00 in Shanghai on {@code day}. */
    public void setDay(LocalDate day) {
        set(day.atTime(10, 0).atZone(ZONE).toInstant());
    }

    public void setDay(String isoDay) {
        setDay(LocalDate.parse(isoDay));
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
