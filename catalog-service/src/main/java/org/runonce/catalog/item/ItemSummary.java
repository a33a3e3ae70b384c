package org.runonce.catalog.item;

import java.time.LocalDate;
import org.runonce.contracts.catalog.Name;

/**
 * An item in search results: enough for a list in a portal.
 *
 * @param itemCode the item
 * @param version the version in force
 * @param name the item's name
 * @param kind licence, confirmation, ...
 * @param departmentCode the owning department
 * @param handlingMode how many visits it needs
 * @param visitsRequired physical visits
 * @param statutoryWorkingDays the legal time limit
 * @param promisedWorkingDays the promised time limit
 * @param validFrom first day of the version in force
 * @param validTo last day of the version in force, or null
 */
record ItemSummary(
        String itemCode,
        int version,
        Name name,
        ItemKind kind,
        String departmentCode,
        HandlingMode handlingMode,
        Integer visitsRequired,
        Integer statutoryWorkingDays,
        Integer promisedWorkingDays,
        LocalDate validFrom,
        LocalDate validTo) {

    public static ItemSummary of(ItemVersion version) {
        GuideContent content = version.content();
        TimeLimits limits = content.timeLimits();
        return new ItemSummary(
                version.itemCode(),
                version.number(),
                content.name(),
                content.kind(),
                content.departmentCode(),
                content.handlingMode(),
                content.visitsRequired(),
                limits == null ? null : limits.statutoryWorkingDays(),
                limits == null ? null : limits.promisedWorkingDays(),
                version.validFrom().orElse(null),
                version.validTo().orElse(null));
    }
}
