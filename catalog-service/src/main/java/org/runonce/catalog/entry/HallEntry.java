package org.runonce.catalog.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runonce.starter.domain.Refusal;

/**
 * Whether one item is handled in the service hall, as the history of its recorded changes. A change holds from its
 * day ({@code since}) on; days never go back, so the state on any day is the last change whose day is not after it,
 * and what the statistics showed for a past day before the last change stays what they show.
 */
final class HallEntry {

    /** Longest reason or note. */
    static final int REASON_MAX = 500;

    private final String itemCode;
    private final List<HallEntryChange> changes;

    private HallEntry(String itemCode, List<HallEntryChange> changes) {
        this.itemCode = itemCode;
        this.changes = new ArrayList<>(changes);
    }

    /** The item's history as stored, oldest first (possibly empty: nothing recorded yet). */
    static HallEntry of(String itemCode, List<HallEntryChange> changes) {
        return new HallEntry(itemCode, changes);
    }

    /** The latest change, if any was recorded. */
    Optional<HallEntryChange> current() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.getLast());
    }

    List<HallEntryChange> changes() {
        return List.copyOf(changes);
    }

    /**
     * Records a change, or nothing when it says what the latest change says (same state, day and reason), so
     * repeating a request changes nothing. Refused with every invalid field at once: an item not handled in the hall
     * needs the reason (a legal exemption or the government's approval, 经批准暂不进驻); the day is not in the future
     * and not before the latest change's day.
     *
     * @param since the first day it holds; null for today
     * @return the new change, or empty when nothing changed
     */
    Optional<HallEntryChange> change(
            boolean entered, LocalDate since, String reason, String by, LocalDate today, Instant now) {
        LocalDate day = since == null ? today : since;
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!entered && note == null) {
            errors.add(error(
                    "reason",
                    "REQUIRED",
                    "an item not handled in the hall needs the reason (legal exemption or approval to stay out)"));
        }
        if (note != null && note.length() > REASON_MAX) {
            errors.add(error("reason", "TOO_LONG", "at most " + REASON_MAX + " characters"));
        }
        if (day.isAfter(today)) {
            errors.add(error("since", "IN_FUTURE", "record the change on its day, not before (" + today + ")"));
        }
        Optional<HallEntryChange> latest = current();
        if (latest.isPresent() && day.isBefore(latest.get().since())) {
            errors.add(error(
                    "since",
                    "BEFORE_LAST_CHANGE",
                    "the latest change holds since " + latest.get().since() + "; a change cannot hold before it"));
        }
        if (!errors.isEmpty()) {
            throw new Refusal(
                            400,
                            "validation-failed",
                            "Validation failed",
                            errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.")
                    .with("errors", errors);
        }
        if (latest.isPresent()
                && latest.get().entered() == entered
                && latest.get().since().equals(day)
                && Objects.equals(latest.get().reason(), note)) {
            return Optional.empty();
        }
        HallEntryChange change = new HallEntryChange(itemCode, changes.size() + 1, entered, day, note, by, now);
        changes.add(change);
        return Optional.of(change);
    }

    /** One invalid field, in the shape of the starter's validation problems. */
    record FieldError(String field, String message, String code) {}

    private static FieldError error(String field, String code, String message) {
        return new FieldError(field, message, code);
    }
}
