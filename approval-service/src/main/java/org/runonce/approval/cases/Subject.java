package org.runonce.approval.cases;

import java.time.Instant;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;

/**
 * What a case is about, fixed when it opens.
 *
 * @param number {@code <applicationNumber>-NN}
 * @param applicationNumber the application
 * @param bundleCode the bundle, or null
 * @param itemCode the item
 * @param itemVersion the item version it is pinned to
 * @param itemName the item's name, or null
 * @param departmentCode the department handling it
 * @param region the region whose working-day calendar clocks it
 * @param handlingMode the item version's handling mode
 * @param applicant who applied
 * @param procedure the steps after acceptance
 * @param acceptedAt when the application was accepted
 * @param openedAt when the case was opened
 */
record Subject(
        String number,
        String applicationNumber,
        String bundleCode,
        String itemCode,
        int itemVersion,
        Name itemName,
        String departmentCode,
        String region,
        String handlingMode,
        Applicant applicant,
        Procedure procedure,
        Instant acceptedAt,
        Instant openedAt) {}
