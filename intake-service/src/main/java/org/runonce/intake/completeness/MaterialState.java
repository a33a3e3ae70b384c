package org.runonce.intake.completeness;

import java.time.LocalDate;
import java.util.List;

/**
 * The completeness check's finding on one material.
 *
 * @param code the material
 * @param outcome what was found
 * @param reason for MISSING and DEFICIENT: {@code MISSING}, {@code DOCUMENT_UNREADABLE}, {@code CERTIFICATE_EXPIRED},
 *     {@code CERTIFICATE_HOLDER_MISMATCH}, {@code CERTIFICATE_TYPE_MISMATCH}; else null
 * @param neededBy for MISSING and DEFICIENT: the items that need it and do not have it
 * @param key whether a key material for one of those items
 * @param expiredOn for an expired certificate, its last valid day
 */
public record MaterialState(
        String code, Outcome outcome, String reason, List<String> neededBy, boolean key, LocalDate expiredOn) {

    public enum Outcome {
        /** Handed in and fine. */
        PROVIDED,
        /** An item of the bundle that the needing items wait for will produce it. */
        PRODUCED_IN_BUNDLE,
        /** Optional and not handed in, or handed in but unusable: it is left out. */
        NOT_USED,
        /** Required and not handed in. */
        MISSING,
        /** Required and handed in, but not usable. */
        DEFICIENT,
        /** Not handed in: the applicant's commitment (告知承诺) replaces it; the department checks after approval. */
        COMMITTED
    }

    public boolean isDeficiency() {
        return outcome == Outcome.MISSING || outcome == Outcome.DEFICIENT;
    }
}
