package org.runonce.starter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTest {

    @Test
    void todayIsTheDateInThePlatformsZoneNotInUtc() {
        // 2026-03-01 20:30 UTC is already 2 March in Shanghai
        var clock = Clock.fixed(Instant.parse("2026-03-01T20:30:00.123456789Z"), ZoneOffset.UTC);
        var time = new Time(clock, ZoneId.of("Asia/Shanghai"));

        assertThat(time.today()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(time.dayOf(Instant.parse("2026-03-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(time.now()).isEqualTo(Instant.parse("2026-03-01T20:30:00.123456Z"));
    }
}
