package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

/**
 * What a check or acceptance needs from outside the aggregate.
 *
 * @param automatic accept a complete application at once
 * @param calendar the region's working-day calendar
 * @param maxPledgeWorkingDays how far a pledge date may lie
 * @param today the day in the service's zone
 * @param now the instant
 * @param actor who acts
 */
record Terms(
        boolean automatic,
        WorkingDayCalendar calendar,
        int maxPledgeWorkingDays,
        LocalDate today,
        Instant now,
        Actor actor) {

    Terms acceptingAtOnce() {
        return new Terms(true, calendar, maxPledgeWorkingDays, today, now, actor);
    }

    /** Refuses a pledge date that is not after today or lies more than the maximum working days ahead. */
    void checkPledgeDate(LocalDate pledgeDate) {
        LocalDate latest = calendar.plusWorkingDays(today, maxPledgeWorkingDays);
        if (!pledgeDate.isAfter(today) || pledgeDate.isAfter(latest)) {
            throw Refusal.unprocessable(
                            "pledge-date-invalid",
                            "Pledge date not possible",
                            "Pledge a date after today and at most " + maxPledgeWorkingDays
                                    + " working days ahead, i.e. by " + latest + ".")
                    .with("earliest", today.plusDays(1))
                    .with("latest", latest);
        }
    }
}
