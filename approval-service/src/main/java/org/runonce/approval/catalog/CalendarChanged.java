package org.runonce.approval.catalog;

/**
 * A region's working-day calendar changed in approval's copy (a newer revision of a year was applied): published in
 * the transaction that applied it, so that what was computed with the old calendar is computed again.
 *
 * @param region the region code
 * @param year the year whose calendar changed
 */
public record CalendarChanged(String region, int year) {}
