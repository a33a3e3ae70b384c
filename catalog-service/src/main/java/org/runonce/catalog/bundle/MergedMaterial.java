package org.runonce.catalog.bundle;

import java.util.List;
import org.runonce.catalog.item.MaterialForm;
import org.runonce.contracts.catalog.Name;

/**
 * A material of a bundle, asked for once however many of its items need it (same material code).
 *
 * @param code the material code
 * @param name its name, as the first item needing it calls it
 * @param required whether any item requires it
 * @param key whether any item treats it as a key material (no 容缺 for it)
 * @param form the form the first item needing it asks for
 * @param templateUrl the first template link given
 * @param neededBy the items needing it, in bundle order
 * @param satisfiedInBundleBy the earlier item of this bundle whose certificate satisfies it for every item needing
 *     it, so the applicant does not hand it in; null when the applicant must
 */
record MergedMaterial(
        String code,
        Name name,
        boolean required,
        boolean key,
        MaterialForm form,
        String templateUrl,
        List<String> neededBy,
        String satisfiedInBundleBy) {

    /** Whether the applicant has to hand it in. */
    public boolean toBeSubmitted() {
        return satisfiedInBundleBy == null;
    }
}
