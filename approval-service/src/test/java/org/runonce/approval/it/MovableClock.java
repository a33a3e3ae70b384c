package org.runonce.approval.it;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests set to the day they need instead of waiting for it. */
public final class MovableClock extends Clock {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-09-22T01:00:00Z"));

    /** 10:00 in Shanghai on {@code day}. */
    public void setDay(LocalDate day) {
        now.set(day.atTime(10, 0).atZone(SHANGHAI).toInstant());
    }

    public void setDay(String isoDay) {
        setDay(LocalDate.parse(isoDay));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
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
