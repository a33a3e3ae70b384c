package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A booked slot as stored: who, where, for what, when, and what became of it. */
record Appointment(
        UUID id,
        String servicePointCode,
        String category,
        String itemCode,
        String bundleCode,
        String applicantSubject,
        String applicantName,
        LocalDate day,
        LocalTime starts,
        LocalTime ends,
        Instant endsAt,
        Status status,
        Instant bookedAt,
        int rebookings,
        Instant cancelledAt,
        Instant arrivedAt,
        Instant noShowAt) {

    /** BOOKED until cancelled, checked in (ARRIVED) or past its slot without arrival (NO_SHOW). */
    enum Status {
        BOOKED,
        CANCELLED,
        ARRIVED,
        NO_SHOW
    }

    Matter matter() {
        return new Matter(itemCode, bundleCode);
    }
}
