package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A stretch of opening time on the days of its kind.
 *
 * @param from first minute open
 * @param to closing time (exclusive)
 * @param days the weekdays it applies to; empty for every day of its kind
 */
@Schema(name = "OpeningPeriod")
public record Period(
        @Schema(type = "string", example = "09:00") LocalTime from,
        @Schema(type = "string", example = "12:00") LocalTime to,
        @Schema(example = "[\"TUESDAY\", \"THURSDAY\"]") Set<DayOfWeek> days) {

    public Period {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a period needs from before to: " + from + "-" + to);
        }
        days = days == null ? Set.of() : Set.copyOf(days);
    }

    boolean appliesOn(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
