package org.runonce.intake.hall;

import java.util.List;

/**
 * When a service point is open.
 *
 * @param workingDays regular hours on the region's working days (make-up working days included)
 * @param extended extended or staggered hours on working days (错时延时: lunch time, evenings)
 * @param weekends hours on Saturdays and Sundays that are not working days (周末不打烊); never on public holidays
 */
public record OpeningHours(List<Period> workingDays, List<Period> extended, List<Period> weekends) {

    public OpeningHours {
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        extended = extended == null ? List.of() : List.copyOf(extended);
        weekends = weekends == null ? List.of() : List.copyOf(weekends);
    }
}
