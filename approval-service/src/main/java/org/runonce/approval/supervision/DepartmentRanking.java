package org.runonce.approval.supervision;

/**
 * One department's place in a period's ranking.
 *
 * @param rank 1 for the best on-time rate; departments with the same rate share a rank (1, 1, 3); null when the
 *     department decided nothing in the period (listed last)
 * @param departmentCode the department
 * @param decided cases decided in the period (by reviewers, heads or window clerks)
 * @param decidedOnTime of those, decided within the promised time
 * @param onTimeRate {@code decidedOnTime / decided}, or null when none was decided
 * @param ratings ratings of the department's applications given in the period
 * @param averageRating their average (1 to 5), or null
 * @param badRatingShare the share of them rated 1 or 2, or null
 * @param completedApplications applications completed in the period whose visits intake counted
 * @param visitsPerApplication their average visits to the hall, or null
 * @param overdue cases that passed their promised time in the period (the overdue event raised)
 * @param openAccountabilityRecords accountability records of facts in the period still open
 */
record DepartmentRanking(
        Integer rank,
        String departmentCode,
        long decided,
        long decidedOnTime,
        Double onTimeRate,
        long ratings,
        Double averageRating,
        Double badRatingShare,
        long completedApplications,
        Double visitsPerApplication,
        long overdue,
        long openAccountabilityRecords) {}
