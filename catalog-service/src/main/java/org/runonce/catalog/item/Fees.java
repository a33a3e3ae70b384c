package org.runonce.catalog.item;

import java.util.List;

/**
 * The fee disclosure: either free of charge, or a list of fees each with its legal basis.
 *
 * @param free whether the item costs nothing (不收费)
 * @param items the fees when not free
 */
record Fees(boolean free, List<Fee> items) {

    public Fees {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Fees none() {
        return new Fees(true, List.of());
    }

    boolean disclosed() {
        return free ? items.isEmpty() : !items.isEmpty() && items.stream().allMatch(Fee::disclosed);
    }
}
