package org.runonce.intake.hall;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One bookable stretch of a day at a service point.
 *
 * @param day the calendar day
 * @param starts first minute
 * @param ends end (exclusive)
 * @param kind which hours it lies in
 */
public record Slot(LocalDate day, LocalTime starts, LocalTime ends, Kind kind) {

    /** Regular, extended (错时延时) or weekend hours. */
    public enum Kind {
        REGULAR,
        EXTENDED,
        WEEKEND
    }
}
