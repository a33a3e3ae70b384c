package org.runonce.intake.completeness;

import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * An item of the application with the version in force at submission, which the application keeps to the end.
 *
 * @param itemCode the item
 * @param version its version in force at submission
 * @param departmentCode the department handling it
 * @param name its name
 * @param promisedWorkingDays its promised time limit
 * @param dependsOn items of the bundle it waits for
 * @param deliveryOptions how its result may be delivered
 */
public record PinnedItem(
        String itemCode,
        int version,
        String departmentCode,
        Name name,
        int promisedWorkingDays,
        List<String> dependsOn,
        List<String> deliveryOptions) {}
