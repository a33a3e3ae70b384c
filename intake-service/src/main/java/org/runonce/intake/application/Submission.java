package org.runonce.intake.application;

import java.time.LocalDate;
import java.util.Map;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;

/**
 * A new application as handed in.
 *
 * @param number its number, {@code <region>-<year>-<sequence>}
 * @param region the region whose calendar and numbers it uses
 * @param channel online or at a window
 * @param applicant who applies
 * @param filedBy the window clerk who filed it, or null online
 * @param identityCheck how the applicant's identity was established
 * @param bundleCode the bundle applied for, or null for one item
 * @param bundleName its name, or null
 * @param requirements what its items need, from the versions in force
 * @param form the form fields
 * @param provisions the materials handed in
 * @param pledgeDate a pledge to accept with deficiencies (容缺) at once if only non-key materials are missing
 */
record Submission(
        String number,
        String region,
        Channel channel,
        ApplicantData applicant,
        Actor filedBy,
        Records.IdentityCheck identityCheck,
        String bundleCode,
        Name bundleName,
        Requirements requirements,
        Map<String, Object> form,
        Map<String, Provision> provisions,
        LocalDate pledgeDate) {}
