package org.runonce.contracts.approval;

/**
 * An e-certificate of a decided case attached to a case that needed it, as the material it stood for: the applicant
 * brings nothing.
 *
 * @param materialCode the material it satisfies, or null when the case only depended on the decision
 * @param certificateNumber the certificate
 * @param certificateType e.g. BUSINESS_LICENCE
 * @param fromCaseNumber the case that produced it
 */
public record AttachedCertificate(
        String materialCode, String certificateNumber, String certificateType, String fromCaseNumber) {}
