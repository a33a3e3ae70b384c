package org.runonce.intake.certificate;

/** The certificate is not a genuine platform certificate: not a JWS, tampered, or signed by an unknown key. */
public class CertificateRejected extends Exception {

    public CertificateRejected(String message) {
        super(message);
    }
}
