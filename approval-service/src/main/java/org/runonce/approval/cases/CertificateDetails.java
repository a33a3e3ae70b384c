package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the decider edits on the certificate drafted from the case ({@link CertificateDraft}): content fields that are
 * not reserved, and the validity. The holder comes from the case; a holder given here must be the case's own.
 *
 * @param holderName null, or the case's holder name (anything else is refused)
 * @param holderIdNumber null, or the case's holder ID number (anything else is refused)
 * @param content fields certified beyond the form (e.g. business scope), merged over the draft; null removes a field;
 *     reserved fields are refused; or null
 * @param validUntil last valid day, or null when it does not expire
 */
public record CertificateDetails(
        String holderName, String holderIdNumber, Map<String, Object> content, LocalDate validUntil) {

    /** Nothing beyond the defaults. */
    public static final CertificateDetails NONE = new CertificateDetails(null, null, null, null);
}
