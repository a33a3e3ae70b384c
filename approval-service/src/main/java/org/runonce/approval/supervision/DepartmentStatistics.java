package org.runonce.approval.supervision;

import java.util.Map;

/**
 * One department's figures.
 *
 * @param departmentCode the department
 * @param opened cases opened in the range
 * @param decided cases decided in the range (by reviewers, heads or window clerks)
 * @param decidedOnTime of those, decided within the promised time
 * @param onTimeRate {@code decidedOnTime / decided}, or null when none was decided
 * @param averageDaysUsed average working days used by the decided cases, or null
 * @param averagePromisedDays average promised working days of the decided cases, or null
 * @param overdueNow open cases overdue now
 * @param warnedNow open cases warned (80% used) and not yet overdue now
 * @param secondSupplements second supplement requests in the range (each approved by a head, flagged)
 * @param suspensions special procedures started in the range, by type
 * @param windowDecisions cases decided at the window in the range
 */
record DepartmentStatistics(
        String departmentCode,
        long opened,
        long decided,
        long decidedOnTime,
        Double onTimeRate,
        Double averageDaysUsed,
        Double averagePromisedDays,
        long overdueNow,
        long warnedNow,
        long secondSupplements,
        Map<String, Long> suspensions,
        long windowDecisions) {}
