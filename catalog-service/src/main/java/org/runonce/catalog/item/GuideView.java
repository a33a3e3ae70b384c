package org.runonce.catalog.item;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an item's service guide as the API shows it: version, status and validity, then the content's
 * fields at the same level.
 *
 * @param itemCode the item
 * @param version the version number
 * @param status DRAFT, PUBLISHED or RETIRED
 * @param validFrom first day in force (null for drafts)
 * @param validTo last day in force, inclusive; null when open-ended
 * @param publishedAt when it was published
 * @param retiredAt when it was retired
 * @param updatedAt when it last changed
 * @param content the guide itself
 */
record GuideView(
        String itemCode,
        int version,
        VersionStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        Instant publishedAt,
        Instant retiredAt,
        Instant updatedAt,
        @JsonUnwrapped GuideContent content) {

    public static GuideView of(ItemVersion version) {
        return new GuideView(
                version.itemCode(),
                version.number(),
                version.status(),
                version.validFrom().orElse(null),
                version.validTo().orElse(null),
                version.publishedAt().orElse(null),
                version.retiredAt().orElse(null),
                version.updatedAt(),
                version.content());
    }
}
