package org.runonce.intake.hall;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A slot of a category with its free places.
 *
 * @param day the day
 * @param starts first minute
 * @param ends end (exclusive)
 * @param kind regular, extended (错时延时) or weekend hours
 * @param capacity appointments the category takes in it
 * @param free places still free
 */
public record FreeSlot(LocalDate day, LocalTime starts, LocalTime ends, Slot.Kind kind, int capacity, int free) {}
