/**
 * Supervision (效能监察): per department on-time rate, average days used against promised, current overdue and
 * warned cases, second supplements, suspensions by type, window decisions; for a date range.
 */
package org.runonce.approval.supervision;
