package org.runonce.catalog.crossregion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.runonce.starter.domain.Refusal;

/**
 * The items one region accepts for others (通办清单), replaced as a whole by each revision. Every entry names an item
 * with a published guide and the home regions whose departments handle it; the accepting region is never one of them.
 *
 * @param acceptingRegion six digits (county, city, province) or nine (township)
 * @param revision 1, 2, ...
 * @param entries sorted by item code, home regions sorted
 * @param changedBy who published this revision
 * @param publishedAt when
 */
public record CrossRegionList(
        String acceptingRegion, int revision, List<Entry> entries, String changedBy, Instant publishedAt) {

    /** At most this many items per list. */
    static final int MAX_ENTRIES = 2000;

    private static final Pattern REGION = Pattern.compile("[0-9]{6}([0-9]{3})?");

    /**
     * One accepted item.
     *
     * @param itemCode the item
     * @param homeRegions the regions of the departments handling it that are accepted for
     */
    public record Entry(String itemCode, List<String> homeRegions) {}

    /** An invalid field of a change, as in the catalog's other {@code validation-failed} problems. */
    record FieldError(String field, String message, String code) {}

    static boolean validRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /**
     * Checks a new list and returns it, sorted; every invalid field at once as 400 {@code validation-failed}.
     *
     * @param homeRegionsOf the regions of the departments of an item's published versions; empty when the item has
     *     none (no such item, or only a draft)
     */
    static List<Entry> checked(String acceptingRegion, List<Entry> given, Function<String, Set<String>> homeRegionsOf) {
        List<FieldError> errors = new ArrayList<>();
        if (!validRegion(acceptingRegion)) {
            errors.add(new FieldError(
                    "region", "six digits (a county, city or province) or nine (a township)", "INVALID_REGION"));
        }
        if (given == null) {
            errors.add(new FieldError("entries", "give the list, empty to accept nothing for others", "REQUIRED"));
            throw invalid(errors);
        }
        if (given.size() > MAX_ENTRIES) {
            errors.add(new FieldError("entries", "at most " + MAX_ENTRIES + " items", "TOO_MANY"));
            throw invalid(errors);
        }
        Set<String> seen = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Entry entry = given.get(i);
            String at = "entries[" + i + "]";
            if (entry == null || entry.itemCode() == null || entry.itemCode().isBlank()) {
                errors.add(new FieldError(at + ".itemCode", "name the item", "REQUIRED"));
                continue;
            }
            if (!seen.add(entry.itemCode())) {
                errors.add(new FieldError(
                        at + ".itemCode", "listed twice; give its home regions in one entry", "DUPLICATE"));
                continue;
            }
            Set<String> handledIn = homeRegionsOf.apply(entry.itemCode());
            if (handledIn.isEmpty()) {
                errors.add(new FieldError(
                        at + ".itemCode", "no item with a published guide has this code", "UNKNOWN_ITEM"));
                continue;
            }
            if (entry.homeRegions() == null || entry.homeRegions().isEmpty()) {
                errors.add(new FieldError(
                        at + ".homeRegions", "name the regions whose departments handle it", "REQUIRED"));
                continue;
            }
            Set<String> homes = new TreeSet<>();
            for (int j = 0; j < entry.homeRegions().size(); j++) {
                String home = entry.homeRegions().get(j);
                String field = at + ".homeRegions[" + j + "]";
                if (!validRegion(home)) {
                    errors.add(new FieldError(field, "six or nine digits", "INVALID_REGION"));
                } else if (Objects.equals(home, acceptingRegion)) {
                    errors.add(new FieldError(field, "the accepting region handles its own items", "SAME_REGION"));
                } else if (!handledIn.contains(home)) {
                    errors.add(new FieldError(
                            field,
                            "no department of this region handles the item (handled in " + handledIn + ")",
                            "NOT_HANDLED_THERE"));
                } else if (!homes.add(home)) {
                    errors.add(new FieldError(field, "listed twice", "DUPLICATE"));
                }
            }
            entries.add(new Entry(entry.itemCode(), List.copyOf(homes)));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        entries.sort(Comparator.comparing(Entry::itemCode));
        return List.copyOf(entries);
    }

    private static Refusal invalid(List<FieldError> errors) {
        return new Refusal(
                        400,
                        "validation-failed",
                        "Validation failed",
                        errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.")
                .with("errors", errors);
    }
}
