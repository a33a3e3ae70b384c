package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A queue ticket (取号) as stored. */
record Ticket(
        UUID id,
        String servicePointCode,
        String category,
        LocalDate day,
        int sequence,
        String number,
        UUID appointmentId,
        String applicantSubject,
        String takenBy,
        Status status,
        Instant takenAt,
        Instant calledAt,
        String calledBy,
        String window,
        Instant servedAt) {

    /** WAITING until called to a window (CALLED), then SERVED, or ABSENT when nobody came to the window. */
    enum Status {
        WAITING,
        CALLED,
        SERVED,
        ABSENT
    }

    /** C012: the category's letter and the day's sequence of the category at the point. */
    static String number(String prefix, int sequence) {
        return prefix + String.format("%03d", sequence);
    }
}
