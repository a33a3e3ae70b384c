package org.runonce.intake.hall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A clerk served the holder of a queue ticket at a window: the applicant's trip to the hall (跑一次) that day.
 * Published in the transaction that marks the ticket served, so what listens (the applications' visits) is recorded
 * with it or not at all.
 *
 * @param ticket the ticket's id
 * @param number its number at the point, e.g. {@code A001}
 * @param servicePointCode the point
 * @param day the day it was taken and served
 * @param servedAt when
 * @param applicantSubject the account of its holder, null for a walk-in ticket a clerk took for someone
 * @param itemCode the item of its appointment, or null
 * @param bundleCode the bundle of its appointment, or null
 * @param clerkSubject the clerk who served them (token subject)
 * @param clerkUsername their username
 */
public record TicketServed(
        UUID ticket,
        String number,
        String servicePointCode,
        LocalDate day,
        Instant servedAt,
        String applicantSubject,
        String itemCode,
        String bundleCode,
        String clerkSubject,
        String clerkUsername) {}
