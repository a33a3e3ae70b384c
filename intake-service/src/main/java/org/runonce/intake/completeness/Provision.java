package org.runonce.intake.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How the applicant handed in one material: exactly one of a document, a verified e-certificate, or an item of the
 * bundle that will produce it.
 *
 * @param code material code
 * @param documentId an uploaded document
 * @param documentReadable whether that document is complete for its format
 * @param certificate the facts of a verified e-certificate
 * @param producedBy an item of the bundle whose certificate will provide it
 * @param givenAt when it was handed in
 * @param noticesBefore how many notices had been issued when it was handed in: one handed in after the latest
 *     notice could not be checked by it
 */
public record Provision(
        String code,
        UUID documentId,
        boolean documentReadable,
        CertificateFacts certificate,
        String producedBy,
        Instant givenAt,
        int noticesBefore) {

    public static Provision document(String code, UUID documentId, boolean readable, Instant at) {
        return new Provision(code, documentId, readable, null, null, at, 0);
    }

    public static Provision certificate(String code, CertificateFacts certificate, Instant at) {
        return new Provision(code, null, false, certificate, null, at, 0);
    }

    public static Provision producedBy(String code, String itemCode, Instant at) {
        return new Provision(code, null, false, null, itemCode, at, 0);
    }

    public Provision afterNotices(int notices) {
        return new Provision(code, documentId, documentReadable, certificate, producedBy, givenAt, notices);
    }

    /**
     * What intake verified of an e-certificate.
     *
     * @param number certificate number
     * @param type certificate type
     * @param itemCode the item that issued it
     * @param holderSubject holder's subject or null
     * @param holderIdNumber holder's id number or null
     * @param validUntil last valid day or null
     */
    public record CertificateFacts(
            String number,
            String type,
            String itemCode,
            String holderSubject,
            String holderIdNumber,
            LocalDate validUntil) {}
}
