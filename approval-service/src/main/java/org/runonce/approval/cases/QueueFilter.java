package org.runonce.approval.cases;

import java.time.Instant;

/**
 * Which cases a queue shows.
 *
 * @param department the department, or null for all (supervisors)
 * @param status only this status, or null
 * @param assignee only this assignee, "" for unassigned, or null
 * @param openOnly only undecided cases
 * @param flagged only warned or overdue ones
 * @param openedSince only cases opened at or after this instant, in the order they were opened; or null for all,
 *     most urgent first
 */
record QueueFilter(
        String department, Status status, String assignee, boolean openOnly, boolean flagged, Instant openedSince) {

    /** The open cases of a department (or all) that were warned or are overdue. */
    static QueueFilter flaggedOf(String department) {
        return new QueueFilter(department, null, null, true, true, null);
    }

    QueueFilter inScope(String scope, String assignee) {
        return new QueueFilter(scope, status, assignee, openOnly, flagged, openedSince);
    }

    /**
     * A page of a queue.
     *
     * @param number from 0
     * @param size entries per page
     */
    record Page(int number, int size) {

        /** The first thousand: the head's list of flagged cases is not paged. */
        static final Page FIRST_THOUSAND = new Page(0, 1000);

        int offset() {
            return number * size;
        }
    }
}
