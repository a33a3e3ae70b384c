package org.runonce.catalog.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.runonce.starter.domain.Refusal;

/**
 * An item (事项): the smallest indivisible approval or public service, with a stable code and numbered versions
 * of its service guide. At most one draft at a time; published versions never overlap in validity.
 */
final class Item {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private final String code;
    private final List<ItemVersion> versions;

    private Item(String code, List<ItemVersion> versions) {
        this.code = code;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(ItemVersion::number));
    }

    /** A new item with version 1 as a draft. */
    public static Item create(String code, GuideContent firstDraft, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Refusal.invalid("item code must be 3-64 lower-case letters, digits or '-', got " + code);
        }
        Item item = new Item(code, List.of());
        item.versions.add(new ItemVersion(code, 1, Objects.requireNonNull(firstDraft), now));
        return item;
    }

    /** Rebuilds an item from storage. */
    static Item restore(String code, List<ItemVersion> versions) {
        return new Item(code, versions);
    }

    /**
     * Starts a new draft version; refused while another draft exists.
     *
     * @param content the draft's content, typically a copy of the version in force
     */
    public ItemVersion startDraft(GuideContent content, Instant now) {
        draft().ifPresent(existing -> {
            throw new Refusal(
                            409,
                            "draft-exists",
                            "A draft already exists",
                            "item " + code + " already has draft version " + existing.number()
                                    + "; edit or publish it first")
                    .with("itemCode", code)
                    .with("draftVersion", existing.number());
        });
        ItemVersion draft = new ItemVersion(code, nextNumber(), Objects.requireNonNull(content), now);
        versions.add(draft);
        return draft;
    }

    /** Replaces a draft's content; a published version refuses with {@link VersionImmutable}. */
    public ItemVersion revise(int number, GuideContent content, Instant now) {
        ItemVersion version = require(number);
        version.revise(content, now);
        return version;
    }

    /**
     * Publishes a draft, valid from {@code validFrom} to {@code validTo} inclusive (open-ended when null). Refuses
     * with every missing disclosure and every violation at once, including an overlap with another published
     * version's validity.
     *
     * @param departmentExists whether a department code is known to the catalog
     */
    public ItemVersion publish(
            int number, LocalDate validFrom, LocalDate validTo, Predicate<String> departmentExists, Instant now) {
        ItemVersion version = require(number);
        version.requireDraft();
        GuideContent content = version.content();
        Set<Disclosure> missing = content.missingDisclosures();
        List<Violation> violations = new ArrayList<>(content.violations());
        if (content.departmentCode() != null && !departmentExists.test(content.departmentCode())) {
            violations.add(new Violation(
                    "departmentCode", "UNKNOWN_DEPARTMENT", "department " + content.departmentCode() + " is unknown"));
        }
        if (validFrom == null) {
            violations.add(new Violation("validFrom", "REQUIRED", "the first day of validity is required"));
        } else if (validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", "VALIDITY_REVERSED", "validTo is before validFrom"));
        } else {
            for (ItemVersion other : versions) {
                if (other != version && other.overlaps(validFrom, validTo)) {
                    violations.add(new Violation(
                            "validFrom",
                            "VALIDITY_OVERLAPS",
                            "validity " + validFrom + ".." + (validTo == null ? "" : validTo) + " overlaps version "
                                    + other.number() + " (" + other.validFrom().orElseThrow() + ".."
                                    + other.validTo().map(LocalDate::toString).orElse("") + "); retire it first"));
                }
            }
        }
        if (!missing.isEmpty() || !violations.isEmpty()) {
            throw new PublicationRefused(code, number, missing, violations);
        }
        version.markPublished(validFrom, validTo, now);
        return version;
    }

    /**
     * Ends a published version's validity on {@code lastDay} (inclusive). It cannot end in the past, before it
     * began (the day before its first day withdraws a future version entirely), or later than it already ends.
     */
    public ItemVersion retire(int number, LocalDate lastDay, LocalDate today, Instant now) {
        ItemVersion version = require(number);
        if (version.status() != VersionStatus.PUBLISHED) {
            throw Refusal.conflict(
                    "illegal-transition",
                    "Illegal transition",
                    "item " + code + " version " + number + " is " + version.status() + "; only published versions"
                            + " can be retired");
        }
        LocalDate from = version.validFrom().orElseThrow();
        if (lastDay.isBefore(today.minusDays(1))) {
            throw Refusal.invalid("lastDay " + lastDay + " is in the past: a version can stop being in force today"
                    + " at the earliest (lastDay " + today.minusDays(1) + ")");
        }
        if (lastDay.isBefore(from.minusDays(1))) {
            throw Refusal.invalid("lastDay " + lastDay + " is before the version's validity begins (" + from + ")");
        }
        if (version.validTo().isPresent() && lastDay.isAfter(version.validTo().get())) {
            throw Refusal.invalid("retiring cannot extend validity beyond "
                    + version.validTo().get());
        }
        version.markRetired(lastDay, now);
        return version;
    }

    /** Throws away a draft that was never published. */
    public void discardDraft(int number) {
        ItemVersion version = require(number);
        version.requireDraft();
        versions.remove(version);
    }

    public String code() {
        return code;
    }

    /** Every version, oldest first. */
    public List<ItemVersion> versions() {
        return List.copyOf(versions);
    }

    public Optional<ItemVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public Optional<ItemVersion> draft() {
        return versions.stream().filter(ItemVersion::isDraft).findFirst();
    }

    /** The version whose guide is in force on {@code date}, if any. */
    public Optional<ItemVersion> inForceOn(LocalDate date) {
        return versions.stream().filter(v -> v.inForceOn(date)).findFirst();
    }

    /** The most recently published version (published or retired), if any. */
    public Optional<ItemVersion> latestPublished() {
        return versions.stream().filter(v -> !v.isDraft()).reduce((a, b) -> b);
    }

    private ItemVersion require(int number) {
        return version(number).orElseThrow(() -> Refusal.notFound("version", code + "/" + number));
    }

    private int nextNumber() {
        return versions.stream().mapToInt(ItemVersion::number).max().orElse(0) + 1;
    }
}
