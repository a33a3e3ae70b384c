package org.runonce.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * The list of items a region accepts for other regions (通办清单) was published or revised: the whole list of the
 * accepting region, the latest revision replacing the earlier ones. A service point of {@code acceptingRegion} accepts
 * an application for an item listed here whose department lies in one of the entry's home regions; the application
 * is handled there, on the home region's calendar. Subject and Kafka key: the accepting region.
 *
 * @param acceptingRegion region code of the accepting side, six digits (a county, city or province) or nine (a
 *     township)
 * @param revision increases with every change
 * @param entries what it accepts, by item code, ascending; empty when it accepts nothing for others any more
 * @param publishedAt when this revision was published
 */
public record CrossRegionListPublished(String acceptingRegion, int revision, List<Entry> entries, Instant publishedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.cross-region-list.published.v1";

    /**
     * One item accepted for others.
     *
     * @param itemCode the item
     * @param homeRegions the regions whose departments handle it that the accepting region accepts for, ascending
     */
    public record Entry(String itemCode, List<String> homeRegions) {}
}
