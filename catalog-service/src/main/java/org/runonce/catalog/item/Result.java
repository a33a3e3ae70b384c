package org.runonce.catalog.item;

import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;

/**
 * What the applicant gets at the end.
 *
 * @param certificateType stable code of the certificate, e.g. BUSINESS_LICENCE; other items' materials refer to
 *     the issuing item, approval issues e-certificates of this type
 * @param name the certificate's name
 * @param electronic whether an e-certificate (电子证照) is issued
 */
record Result(String certificateType, Name name, boolean electronic) {

    public Result {
        name = Bilingual.cleaned(name);
    }
}
