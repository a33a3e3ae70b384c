package org.runonce.catalog.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an item's service guide. Only its {@link Item} changes it: a draft's content can be revised, a
 * published version's content never changes; retiring only ends its validity early.
 */
public final class ItemVersion {

    private final String itemCode;
    private final int number;
    private VersionStatus status;
    private GuideContent content;
    private LocalDate validFrom;
    private LocalDate validTo;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    private Instant retiredAt;

    ItemVersion(String itemCode, int number, GuideContent content, Instant now) {
        this.itemCode = Objects.requireNonNull(itemCode);
        this.number = number;
        this.status = VersionStatus.DRAFT;
        this.content = Objects.requireNonNull(content);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A version as stored, column by column. */
    record Row(
            String itemCode,
            int number,
            VersionStatus status,
            GuideContent content,
            LocalDate validFrom,
            LocalDate validTo,
            Instant createdAt,
            Instant updatedAt,
            Instant publishedAt,
            Instant retiredAt) {}

    /** Rebuilds a version from storage; the repository's only way in. */
    static ItemVersion restore(Row row) {
        ItemVersion version = new ItemVersion(row.itemCode(), row.number(), row.content(), row.createdAt());
        version.status = Objects.requireNonNull(row.status());
        version.validFrom = row.validFrom();
        version.validTo = row.validTo();
        version.updatedAt = row.updatedAt();
        version.publishedAt = row.publishedAt();
        version.retiredAt = row.retiredAt();
        return version;
    }

    void revise(GuideContent newContent, Instant now) {
        requireDraft();
        this.content = Objects.requireNonNull(newContent);
        this.updatedAt = now;
    }

    void markPublished(LocalDate from, LocalDate to, Instant now) {
        requireDraft();
        this.status = VersionStatus.PUBLISHED;
        this.validFrom = from;
        this.validTo = to;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    void markRetired(LocalDate lastDay, Instant now) {
        this.status = VersionStatus.RETIRED;
        this.validTo = lastDay;
        this.retiredAt = now;
        this.updatedAt = now;
    }

    void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw new VersionImmutable(itemCode, number, status);
        }
    }

    /** Whether this version is the guide in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return status != VersionStatus.DRAFT
                && !date.isBefore(validFrom)
                && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether this published version's validity shares at least one day with {@code [from, to]}. */
    boolean overlaps(LocalDate from, LocalDate to) {
        if (status == VersionStatus.DRAFT || (validTo != null && validTo.isBefore(validFrom))) {
            return false;
        }
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean otherStartsBeforeThisEnds = validTo == null || !from.isAfter(validTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public String itemCode() {
        return itemCode;
    }

    public int number() {
        return number;
    }

    public VersionStatus status() {
        return status;
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public GuideContent content() {
        return content;
    }

    public Optional<LocalDate> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    public Optional<LocalDate> validTo() {
        return Optional.ofNullable(validTo);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }
}
