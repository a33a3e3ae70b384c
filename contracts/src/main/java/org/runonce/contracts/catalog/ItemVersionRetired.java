package org.runonce.contracts.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published item version was retired: it stops being in force after {@code validTo}. Its content stays as
 * published (applications made under it keep it). Subject and Kafka key: the item code; {@code department}
 * extension: the owning department.
 *
 * @param itemCode the item
 * @param version the retired version
 * @param departmentCode the owning department
 * @param validFrom first day it was in force (unchanged)
 * @param validTo new last day in force (inclusive); the day before {@code validFrom} when it never took effect
 * @param retiredAt when it was retired
 */
public record ItemVersionRetired(
        String itemCode,
        int version,
        String departmentCode,
        LocalDate validFrom,
        LocalDate validTo,
        Instant retiredAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.item-version.retired.v1";
}
