package org.runonce.intake.application;

/**
 * What a case is opened with for one material: exactly one of a document handed in, an e-certificate, or the case
 * of the bundle that will produce it. (Published as the contract's {@code MaterialReference}.)
 *
 * @param code material code
 * @param documentId the document, as a UUID string
 * @param certificateNumber the e-certificate
 * @param producedByCase the case whose certificate will provide it
 */
record CaseMaterial(String code, String documentId, String certificateNumber, String producedByCase) {

    static CaseMaterial document(String code, String documentId) {
        return new CaseMaterial(code, documentId, null, null);
    }

    static CaseMaterial certificate(String code, String certificateNumber) {
        return new CaseMaterial(code, null, certificateNumber, null);
    }

    static CaseMaterial producedBy(String code, String caseNumber) {
        return new CaseMaterial(code, null, null, caseNumber);
    }
}
