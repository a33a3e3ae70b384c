package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * A one-time notice (一次性告知书): every missing or deficient material at the time it was issued.
 *
 * @param number {@code <applicationNumber>-N<sequence>}
 * @param sequence 1 for the one-time notice; 2 and more only for what could not be checked before
 * @param second whether an earlier notice exists (flagged for supervision)
 * @param issuedAt when
 * @param items everything missing or deficient
 * @param acceptableWithPledge whether the applicant may pledge a date instead (only non-key materials missing)
 */
public record Notice(
        String number, int sequence, boolean second, Instant issuedAt, List<Item> items, boolean acceptableWithPledge) {

    /**
     * @param materialCode the material
     * @param name its name
     * @param reason MISSING, DOCUMENT_UNREADABLE, CERTIFICATE_EXPIRED, CERTIFICATE_HOLDER_MISMATCH,
     *     CERTIFICATE_TYPE_MISMATCH
     * @param templateUrl form or example, or null
     * @param key key material
     * @param neededBy item codes needing it
     * @param expiredOn for an expired certificate, its last valid day
     * @param firstListed whether this notice is the first to list it (always, in the first notice)
     * @param cause for items first listed in a second notice, why the first could not list them:
     *     {@code SUPPLIED_AFTER_NOTICE} (handed in after the earlier notice, found deficient now) or
     *     {@code CHANGED_SINCE_NOTICE} (fine then, no longer, e.g. a certificate expired since)
     * @param note what to change in the words of the clerk who pre-reviewed it (网上预审), or null
     */
    public record Item(
            String materialCode,
            Name name,
            String reason,
            String templateUrl,
            boolean key,
            List<String> neededBy,
            LocalDate expiredOn,
            boolean firstListed,
            String cause,
            String note) {}

    public static final String SUPPLIED_AFTER_NOTICE = "SUPPLIED_AFTER_NOTICE";
    public static final String CHANGED_SINCE_NOTICE = "CHANGED_SINCE_NOTICE";

    boolean lists(String materialCode, String reason) {
        return items.stream()
                .anyMatch(
                        i -> i.materialCode().equals(materialCode) && i.reason().equals(reason));
    }
}
