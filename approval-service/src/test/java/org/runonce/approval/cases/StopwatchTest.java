package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.cases.Calendars.d;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/** The clock with its pauses: every pause is kept, ended with its working days; stopping ends a running pause. */
class StopwatchTest {

    static final WorkingDayCalendar CALENDAR = Calendars.zhejiang2026();
    static final Instant NOW = Instant.parse("2026-09-23T02:00:00Z");

    @Test
    void aPauseIsKeptAndEndedWithTheWorkingDaysItLasted() {
        var watch = Stopwatch.of(5, d("2026-09-23"));
        watch.pause(Stopwatch.Pause.begin("SITE_INSPECTION", "现场核查", d("2026-09-24"), NOW)
                .expecting(3, d("2026-09-30")));

        var ended = watch.resume(d("2026-09-29"), NOW, CALENDAR);

        assertThat(ended.workingDays()).isEqualTo(2); // Mon 28, Tue 29 (Fri 25 to Sun 27 Mid-Autumn)
        var pause = watch.pauses().getFirst();
        assertThat(pause.endedOn()).isEqualTo(d("2026-09-29"));
        assertThat(pause.workingDays()).isEqualTo(2);
        assertThat(pause.expectedEnd()).isEqualTo(d("2026-09-30"));
        assertThat(watch.state().suspendedDays()).isEqualTo(2);
        assertThat(watch.paused()).isFalse();
    }

    @Test
    void stoppingEndsARunningPauseAndAClockNeverStartedStaysSo() {
        var running = Stopwatch.of(5, d("2026-09-23"));
        running.pause(Stopwatch.Pause.begin("SUPPLEMENT", "缺材料", d("2026-09-24"), NOW));
        var ended = running.stop(d("2026-09-29"), NOW, CALENDAR);
        assertThat(ended.kind()).isEqualTo("SUPPLEMENT");
        assertThat(running.state().stoppedOn()).isEqualTo(d("2026-09-29"));

        var waiting = Stopwatch.of(5, null);
        assertThat(waiting.stop(d("2026-09-29"), NOW, CALENDAR)).isNull();
        assertThat(waiting.state().stoppedOn()).isNull();
    }

    @Test
    void warningAndOverdueAreFlaggedOnceAndShowOnTheClock() {
        var watch = Stopwatch.of(5, d("2026-09-23"));
        assertThat(watch.warn(NOW)).isTrue();
        assertThat(watch.warn(NOW)).isFalse();
        assertThat(watch.on(d("2026-09-24"), CALENDAR).warned()).isTrue();
        assertThat(watch.markOverdue(NOW)).isTrue();
        assertThat(watch.on(d("2026-09-24"), CALENDAR).overdue()).isTrue();
    }
}
