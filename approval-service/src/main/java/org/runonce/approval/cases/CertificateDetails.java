package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the decision puts on the certificate, beyond the defaults (holder = the applicant; content = item, application
 * and holder).
 *
 * @param holderName the holder if not the applicant (e.g. the company being registered), or null
 * @param holderIdNumber the holder's ID number or unified social credit code, or null
 * @param content fields certified (e.g. company name, registered capital), merged over the defaults; or null
 * @param validUntil last valid day, or null when it does not expire
 */
public record CertificateDetails(
        String holderName, String holderIdNumber, Map<String, Object> content, LocalDate validUntil) {

    /** Nothing beyond the defaults. */
    public static final CertificateDetails NONE = new CertificateDetails(null, null, null, null);
}
