package org.runonce.approval.cases;

import java.util.Optional;

/** Numbers the certificate an approval issues; empty when the item issues none electronically. */
@FunctionalInterface
interface CertificateNumbers {
    Optional<String> next();
}
