package org.runonce.catalog.item;

import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * One application material (申报材料). Two items asking for the same material use the same code, so a bundle
 * asks for it once.
 *
 * @param code stable material code, shared across items, e.g. ID_CARD
 * @param name the material's name
 * @param required whether the application is incomplete without it
 * @param key whether it is a key material; a missing non-key required material can be accepted with deficiencies
 *     (容缺受理), a missing key material cannot; only required materials can be key
 * @param form original, copy, both, or electronic
 * @param copies how many copies, when a copy is asked for
 * @param templateUrl link to a blank form or a filled-in example
 * @param satisfiedByCertificateOf code of the item whose certificate satisfies this material; inside a bundle
 *     the applicant does not hand it in when that item comes earlier
 * @param note remarks for the applicant
 */
public record Material(
        String code,
        Name name,
        boolean required,
        boolean key,
        MaterialForm form,
        Integer copies,
        String templateUrl,
        String satisfiedByCertificateOf,
        String note) {

    public Material {
        name = Bilingual.cleaned(name);
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("a material needs a code");
        }
        if (key && !required) {
            throw Refusal.invalid("material " + code + ": an optional material cannot be a key material");
        }
        if (copies != null && copies < 1) {
            throw Refusal.invalid("material " + code + ": copies must be at least 1");
        }
        if (satisfiedByCertificateOf != null && satisfiedByCertificateOf.isBlank()) {
            satisfiedByCertificateOf = null;
        }
    }
}
