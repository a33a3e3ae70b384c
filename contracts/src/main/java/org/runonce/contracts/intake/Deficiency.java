package org.runonce.contracts.intake;

import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * One missing or deficient material of a one-time notice.
 *
 * @param materialCode the material
 * @param name its name
 * @param reason {@code MISSING}, {@code DOCUMENT_UNREADABLE}, {@code CERTIFICATE_EXPIRED},
 *     {@code CERTIFICATE_HOLDER_MISMATCH}, {@code CERTIFICATE_TYPE_MISMATCH}, or {@code CONTENT_INCORRECT} (a window
 *     clerk's online pre-review finding, 网上预审)
 * @param detail the reason in words, in the applicant's language (a pre-review finding's with the clerk's note)
 * @param templateUrl the form or example to use, or null
 * @param key whether it is a key material (a missing key material rules out accepting with deficiencies)
 * @param neededBy item codes that need it
 */
public record Deficiency(
        String materialCode,
        Name name,
        String reason,
        String detail,
        String templateUrl,
        boolean key,
        List<String> neededBy) {}
