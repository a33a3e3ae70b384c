package org.runonce.contracts.approval;

import java.time.LocalDate;

/**
 * A case's time limit as of the event, in working days of the region's calendar. The day the clock starts does not
 * count; days spent suspended (special procedures, waiting for a supplement) do not count and push the due date
 * back by as many working days.
 *
 * @param promisedWorkingDays the promised time limit (承诺时限) of the item version
 * @param startedOn the day the clock started (acceptance, or the day the cases it waited for were decided); null
 *     while the case waits
 * @param dueDate the last working day to decide on time; null while the case waits
 * @param workingDaysUsed working days counted so far (suspended days excluded)
 * @param workingDaysLeft {@code promisedWorkingDays - workingDaysUsed}; negative when overdue
 * @param suspendedWorkingDays working days the clock stood still so far
 * @param running whether the clock runs now (false while waiting, suspended, waiting for a supplement, decided)
 * @param warned whether the 80% warning was raised
 * @param overdue whether the promised time limit has passed undecided (or the decision came late)
 */
public record CaseClock(
        int promisedWorkingDays,
        LocalDate startedOn,
        LocalDate dueDate,
        int workingDaysUsed,
        int workingDaysLeft,
        int suspendedWorkingDays,
        boolean running,
        boolean warned,
        boolean overdue) {}
