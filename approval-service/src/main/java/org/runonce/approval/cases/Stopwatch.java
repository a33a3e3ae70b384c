package org.runonce.approval.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.runonce.contracts.calendar.WorkingDayCalendar;

/**
 * A case's clock with its pauses: started (or not yet, while the case waits for others), paused for a supplement or
 * a special procedure, stopped at the decision or withdrawal. Every pause is kept; {@link WorkingDayClock} reads it.
 */
final class Stopwatch {

    private final int promisedDays;
    private LocalDate startedOn;
    private int suspendedDays;
    private LocalDate pausedSince;
    private String pauseKind;
    private LocalDate stoppedOn;
    private Instant warnedAt;
    private Instant overdueAt;
    private final List<Pause> pauses;
    private boolean changed;

    /**
     * A time the clock stood still.
     *
     * @param kind SUPPLEMENT or the special procedure
     * @param reason why
     * @param startedOn first day
     * @param startedAt when
     * @param expectedDays expected working days, or null
     * @param expectedEnd expected end, or null
     * @param endedOn when it ended, or null while it lasts
     * @param endedAt when it ended, or null while it lasts
     * @param workingDays working days it lasted, or null while it lasts
     */
    record Pause(
            String kind,
            String reason,
            LocalDate startedOn,
            Instant startedAt,
            Integer expectedDays,
            LocalDate expectedEnd,
            LocalDate endedOn,
            Instant endedAt,
            Integer workingDays) {

        static Pause begin(String kind, String reason, LocalDate on, Instant at) {
            return new Pause(kind, reason, on, at, null, null, null, null, null);
        }

        Pause expecting(int days, LocalDate end) {
            return new Pause(kind, reason, startedOn, startedAt, days, end, null, null, null);
        }

        Pause end(LocalDate on, Instant at, int days) {
            return new Pause(kind, reason, startedOn, startedAt, expectedDays, expectedEnd, on, at, days);
        }
    }

    /**
     * A pause that ended.
     *
     * @param kind SUPPLEMENT or the special procedure
     * @param since the day it began
     * @param workingDays working days it lasted
     */
    record Ended(String kind, LocalDate since, int workingDays) {}

    /**
     * The clock as stored with the case.
     *
     * @param promisedDays the promised time limit
     * @param startedOn the day it started, or null
     * @param suspendedDays working days of pauses that ended
     * @param pausedSince the day the current pause began, or null
     * @param pauseKind what the current pause is, or null
     * @param stoppedOn the day it stopped, or null
     * @param warnedAt when the 80% warning was raised, or null
     * @param overdueAt when the overdue event was raised, or null
     */
    record State(
            int promisedDays,
            LocalDate startedOn,
            int suspendedDays,
            LocalDate pausedSince,
            String pauseKind,
            LocalDate stoppedOn,
            Instant warnedAt,
            Instant overdueAt) {}

    Stopwatch(State state, List<Pause> pauses) {
        this.promisedDays = state.promisedDays();
        this.startedOn = state.startedOn();
        this.suspendedDays = state.suspendedDays();
        this.pausedSince = state.pausedSince();
        this.pauseKind = state.pauseKind();
        this.stoppedOn = state.stoppedOn();
        this.warnedAt = state.warnedAt();
        this.overdueAt = state.overdueAt();
        this.pauses = new ArrayList<>(pauses);
    }

    /** A new clock, started on {@code startedOn} or, when null, not yet. */
    static Stopwatch of(int promisedDays, LocalDate startedOn) {
        return new Stopwatch(new State(promisedDays, startedOn, 0, null, null, null, null, null), List.of());
    }

    void start(LocalDate day) {
        startedOn = day;
    }

    void pause(Pause pause) {
        pausedSince = pause.startedOn();
        pauseKind = pause.kind();
        pauses.add(pause);
        changed = true;
    }

    boolean paused() {
        return pausedSince != null;
    }

    /** Ends the current pause; its working days no longer count. */
    Ended resume(LocalDate today, Instant now, WorkingDayCalendar calendar) {
        int days = reading().currentPause(calendar, today);
        var ended = new Ended(pauseKind, pausedSince, days);
        suspendedDays += days;
        pausedSince = null;
        pauseKind = null;
        for (int i = 0; i < pauses.size(); i++) {
            if (pauses.get(i).endedAt() == null) {
                pauses.set(i, pauses.get(i).end(today, now, days));
            }
        }
        changed = true;
        return ended;
    }

    /** Stops the clock for good (decided, withdrawn); returns the pause it ended, or null when none ran. */
    Ended stop(LocalDate today, Instant now, WorkingDayCalendar calendar) {
        Ended ended = pausedSince != null ? resume(today, now, calendar) : null;
        if (startedOn != null) {
            stoppedOn = today;
        }
        return ended;
    }

    /** Marks the 80% warning raised; false when it was before. */
    boolean warn(Instant now) {
        if (warnedAt != null) {
            return false;
        }
        warnedAt = now;
        return true;
    }

    /** Marks the overdue event raised; false when it was before. */
    boolean markOverdue(Instant now) {
        if (overdueAt != null) {
            return false;
        }
        overdueAt = now;
        return true;
    }

    /** The clock as of {@code today} (or as of the day it stopped). */
    org.runonce.contracts.approval.CaseClock on(LocalDate today, WorkingDayCalendar calendar) {
        return reading().on(today, calendar, warnedAt != null, overdueAt != null);
    }

    int promisedDays() {
        return promisedDays;
    }

    boolean started() {
        return startedOn != null;
    }

    WorkingDayClock reading() {
        return new WorkingDayClock(promisedDays, startedOn, suspendedDays, pausedSince, stoppedOn);
    }

    State state() {
        return new State(
                promisedDays, startedOn, suspendedDays, pausedSince, pauseKind, stoppedOn, warnedAt, overdueAt);
    }

    List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    /** Whether pauses began or ended since the case was loaded (they are then saved). */
    boolean changed() {
        return changed;
    }
}
