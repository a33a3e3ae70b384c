package org.runonce.intake.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.runonce.intake.certificate.CertificateRejected;
import org.runonce.intake.certificate.Certificates;
import org.runonce.intake.certificate.IssuedCertificates;
import org.runonce.intake.certificate.VerifiedCertificate;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;
import org.runonce.intake.document.DocumentInfo;
import org.runonce.intake.document.Documents;
import org.springframework.stereotype.Component;

/**
 * Turns the materials of a request into provisions: each names a known material of the application once, with
 * exactly one reference; documents must be the applicant's (or taken by this clerk); certificates must verify.
 * Every problem is collected, none stops the others from being found.
 */
@Component
class ProvisionResolver {

    /** What resolving found: the provisions, the invalid fields, and whether a certificate was forged. */
    record Resolved(Map<String, Provision> provisions, List<FieldError> errors, boolean forgedCertificate) {}

    private final Documents documents;
    private final Certificates certificates;
    private final IssuedCertificates wallet;

    ProvisionResolver(Documents documents, Certificates certificates, IssuedCertificates wallet) {
        this.documents = documents;
        this.certificates = certificates;
        this.wallet = wallet;
    }

    Resolved resolve(
            List<Requests.MaterialInput> inputs,
            Requirements requirements,
            ApplicantData applicant,
            String callerSubject,
            Instant now) {
        Map<String, Provision> provisions = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        boolean forged = false;
        List<Requests.MaterialInput> given = inputs == null ? List.of() : inputs;
        Map<Integer, UUID> documentIds = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i).documentId();
            if (id != null && !id.isBlank()) {
                try {
                    documentIds.put(i, UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("materials[" + i + "].documentId", "is not a document id (UUID)"));
                }
            }
        }
        Map<UUID, DocumentInfo> found = documents.describe(new HashSet<>(documentIds.values()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Requests.MaterialInput input = given.get(i);
            String path = "materials[" + i + "]";
            if (input.code() == null) {
                continue; // reported by bean validation
            }
            Optional<Requirement> requirement = requirements.material(input.code());
            if (requirement.isEmpty()) {
                errors.add(new FieldError(path + ".code", "is not a material of the items applied for"));
                continue;
            }
            if (!seen.add(input.code())) {
                errors.add(new FieldError(path + ".code", "is given more than once"));
                continue;
            }
            boolean hasDocument =
                    input.documentId() != null && !input.documentId().isBlank();
            boolean hasCertificate =
                    input.certificate() != null && !input.certificate().isBlank();
            // shared from the holder's wallet (我的证照): the number alone, no upload and no JWS
            boolean byReference = !hasDocument
                    && !hasCertificate
                    && input.producedBy() == null
                    && input.certificateNumber() != null
                    && !input.certificateNumber().isBlank();
            int references = (hasDocument ? 1 : 0)
                    + (hasCertificate || byReference ? 1 : 0)
                    + (input.producedBy() != null ? 1 : 0);
            if (references != 1) {
                errors.add(new FieldError(
                        path,
                        "give exactly one of documentId, certificate (or certificateNumber alone) and producedBy"));
                continue;
            }
            if (documentIds.containsKey(i)) {
                DocumentInfo document = found.get(documentIds.get(i));
                if (document == null || !(document.usableBy(applicant.subject()) || document.usableBy(callerSubject))) {
                    errors.add(new FieldError(path + ".documentId", "no such document of the applicant"));
                } else {
                    provisions.put(
                            input.code(), Provision.document(input.code(), document.id(), document.readable(), now));
                }
            } else if (hasCertificate || byReference) {
                String field = path + (byReference ? ".certificateNumber" : ".certificate");
                if (requirement.get().certificateOf() == null) {
                    errors.add(new FieldError(field, "this material is not satisfied by an e-certificate"));
                    continue;
                }
                String jws = hasCertificate
                        ? input.certificate()
                        : wallet.jwsOf(input.certificateNumber(), applicant.subject())
                                .orElse(null);
                if (jws == null) {
                    errors.add(new FieldError(field, "is not the number of an e-certificate issued to the applicant"));
                    continue;
                }
                try {
                    VerifiedCertificate certificate = certificates.verify(jws);
                    if (input.certificateNumber() != null
                            && !input.certificateNumber().equals(certificate.certificateNumber())) {
                        errors.add(
                                new FieldError(path + ".certificateNumber", "does not match the certificate's number"));
                        continue;
                    }
                    Provision.CertificateFacts facts = new Provision.CertificateFacts(
                            certificate.certificateNumber(),
                            certificate.certificateType(),
                            certificate.itemCode(),
                            certificate.holderSubject(),
                            certificate.holderIdNumber(),
                            certificate.validUntil());
                    // reusable only by its holder: the applicant whose identity the token or the clerk established
                    if (applicant.idNumber() != null && !Completeness.heldBy(facts, applicant)) {
                        errors.add(new FieldError(
                                field, "is not issued to the applicant: only its holder may use it as a material"));
                        continue;
                    }
                    provisions.put(input.code(), Provision.certificate(input.code(), facts, now));
                } catch (CertificateRejected e) {
                    forged = true;
                    errors.add(
                            new FieldError(field, "is not a valid e-certificate of the platform: " + e.getMessage()));
                }
            } else {
                boolean producedForAll = requirement.get().needs().stream()
                        .allMatch(n -> input.producedBy().equals(n.producer()));
                if (!producedForAll) {
                    errors.add(new FieldError(
                            path + ".producedBy",
                            "no certificate of " + input.producedBy()
                                    + " reaches every item needing this material within the bundle"));
                } else {
                    provisions.put(input.code(), Provision.producedBy(input.code(), input.producedBy(), now));
                }
            }
        }
        return new Resolved(provisions, errors, forged);
    }
}
