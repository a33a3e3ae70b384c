package org.runonce.intake.completeness;

import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * One material the application's items ask for, merged over the items (the same code is the same material
 * everywhere).
 *
 * @param code material code
 * @param name its name
 * @param templateUrl a form or example, or null
 * @param certificateOf the item whose e-certificate satisfies it, or null when no certificate does
 * @param certificateType the type of that certificate, or null when unknown
 * @param needs which items need it and how
 */
public record Requirement(
        String code, Name name, String templateUrl, String certificateOf, String certificateType, List<Need> needs) {

    /**
     * One item's need of the material.
     *
     * @param itemCode the item
     * @param required whether the item cannot be accepted without it
     * @param key whether it is a key material for the item (missing: no acceptance with deficiencies)
     * @param producer an item of the bundle that this item waits for and whose certificate provides the material,
     *     or null
     * @param committed the applicant's commitment (告知承诺) replaces the material for this item
     */
    public record Need(String itemCode, boolean required, boolean key, String producer, boolean committed) {

        public Need(String itemCode, boolean required, boolean key, String producer) {
            this(itemCode, required, key, producer, false);
        }
    }

    public boolean required() {
        return needs.stream().anyMatch(Need::required);
    }
}
