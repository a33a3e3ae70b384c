package org.runonce.catalog.entry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded change of whether an item is handled in the service hall (进驻).
 *
 * @param itemCode the item
 * @param revision 1 for the first record of the item, then one more per change
 * @param entered whether the item is handled in the hall from {@code since}
 * @param since the first day the change holds
 * @param reason why the item is not handled in the hall (required then), or a note
 * @param changedBy username of the catalog administrator who recorded it
 * @param changedAt when it was recorded
 */
public record HallEntryChange(
        String itemCode,
        int revision,
        boolean entered,
        LocalDate since,
        String reason,
        String changedBy,
        Instant changedAt) {}
