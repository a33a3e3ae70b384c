package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How and when an application was accepted.
 *
 * @param acceptedAt when
 * @param acceptedBy who (the system for automatic acceptance)
 * @param acceptedOn the acceptance day in the service's zone: the day the clock starts from
 * @param promisedWorkingDays working days along the critical path
 * @param promisedDate the promised completion date on the region's working-day calendar
 * @param withDeficiencies accepted with non-key materials missing (容缺)
 * @param pledgeDate the date the applicant pledged them by, or null
 * @param missing material codes still missing
 * @param pledgeOverdueAt when the pledge date was found passed, or null
 * @param pledgeFulfilledAt when the last missing material came in, or null
 * @param visitsAtAcceptance trips to a window the applicant had made by then
 * @param noticesBeforeAcceptance one-time notices issued before acceptance
 */
public record Acceptance(
        Instant acceptedAt,
        String acceptedBy,
        LocalDate acceptedOn,
        int promisedWorkingDays,
        LocalDate promisedDate,
        boolean withDeficiencies,
        LocalDate pledgeDate,
        List<String> missing,
        Instant pledgeOverdueAt,
        Instant pledgeFulfilledAt,
        int visitsAtAcceptance,
        int noticesBeforeAcceptance) {

    /**
     * An acceptance now, the promised date counted on the region's working-day calendar from today.
     *
     * @param pledgeDate the pledge of an acceptance with deficiencies (容缺), or null
     * @param missing the material codes missing on that pledge
     */
    static Acceptance of(
            Terms terms,
            int promisedWorkingDays,
            LocalDate pledgeDate,
            List<String> missing,
            int visitsSoFar,
            int noticesSoFar) {
        return new Acceptance(
                terms.now(),
                terms.actor().username(),
                terms.today(),
                promisedWorkingDays,
                terms.calendar().plusWorkingDays(terms.today(), promisedWorkingDays),
                pledgeDate != null,
                pledgeDate,
                missing,
                null,
                null,
                visitsSoFar,
                noticesSoFar);
    }

    Acceptance withMissing(List<String> stillMissing, Instant now) {
        return new Acceptance(
                acceptedAt,
                acceptedBy,
                acceptedOn,
                promisedWorkingDays,
                promisedDate,
                withDeficiencies,
                pledgeDate,
                List.copyOf(stillMissing),
                pledgeOverdueAt,
                stillMissing.isEmpty() ? now : null,
                visitsAtAcceptance,
                noticesBeforeAcceptance);
    }

    Acceptance overdue(Instant now) {
        return new Acceptance(
                acceptedAt,
                acceptedBy,
                acceptedOn,
                promisedWorkingDays,
                promisedDate,
                withDeficiencies,
                pledgeDate,
                missing,
                now,
                pledgeFulfilledAt,
                visitsAtAcceptance,
                noticesBeforeAcceptance);
    }
}
