package org.runonce.intake.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.runonce.intake.application.MaterialState.Outcome;

/**
 * The completeness check: every material the items need, against what the applicant handed in. Pure and total: it
 * finds everything at once, which is what makes a single one-time notice possible.
 */
final class Completeness {

    static final String MISSING = "MISSING";
    static final String DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE";
    static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    static final String CERTIFICATE_HOLDER_MISMATCH = "CERTIFICATE_HOLDER_MISMATCH";
    static final String CERTIFICATE_TYPE_MISMATCH = "CERTIFICATE_TYPE_MISMATCH";

    private Completeness() {}

    static List<MaterialState> check(
            List<Requirement> requirements,
            Map<String, Provision> provisions,
            ApplicantData applicant,
            LocalDate today) {
        List<MaterialState> states = new ArrayList<>();
        for (Requirement requirement : requirements) {
            states.add(check(requirement, provisions.get(requirement.code()), applicant, today));
        }
        return states;
    }

    static MaterialState check(Requirement requirement, Provision provision, ApplicantData applicant, LocalDate today) {
        String code = requirement.code();
        if (provision == null || provision.producedBy() != null) {
            // items that wait for the producing item get it from there; the others need it handed in (an explicit
            // "producedBy" was checked to name the producer of every need)
            List<Requirement.Need> uncovered = requirement.needs().stream()
                    .filter(n -> n.producer() == null && n.required())
                    .toList();
            boolean producedSomewhere = requirement.needs().stream().anyMatch(n -> n.producer() != null);
            if (uncovered.isEmpty()) {
                return new MaterialState(
                        code,
                        producedSomewhere ? Outcome.PRODUCED_IN_BUNDLE : Outcome.NOT_USED,
                        null,
                        List.of(),
                        false,
                        null);
            }
            return new MaterialState(
                    code,
                    Outcome.MISSING,
                    MISSING,
                    uncovered.stream().map(Requirement.Need::itemCode).toList(),
                    uncovered.stream().anyMatch(Requirement.Need::key),
                    null);
        }
        String problem = null;
        LocalDate expiredOn = null;
        if (provision.documentId() != null) {
            if (!provision.documentReadable()) {
                problem = DOCUMENT_UNREADABLE;
            }
        } else {
            Provision.CertificateFacts certificate = provision.certificate();
            if (!certificate.itemCode().equals(requirement.certificateOf())
                    || (requirement.certificateType() != null
                            && !requirement.certificateType().equals(certificate.type()))) {
                problem = CERTIFICATE_TYPE_MISMATCH;
            } else if (!heldBy(certificate, applicant)) {
                problem = CERTIFICATE_HOLDER_MISMATCH;
            } else if (certificate.validUntil() != null
                    && certificate.validUntil().isBefore(today)) {
                problem = CERTIFICATE_EXPIRED;
                expiredOn = certificate.validUntil();
            }
        }
        if (problem == null) {
            return new MaterialState(code, Outcome.PROVIDED, null, List.of(), false, null);
        }
        List<Requirement.Need> required =
                requirement.needs().stream().filter(Requirement.Need::required).toList();
        if (required.isEmpty()) {
            return new MaterialState(code, Outcome.NOT_USED, problem, List.of(), false, expiredOn);
        }
        return new MaterialState(
                code,
                Outcome.DEFICIENT,
                problem,
                required.stream().map(Requirement.Need::itemCode).toList(),
                required.stream().anyMatch(Requirement.Need::key),
                expiredOn);
    }

    /** The holder is the applicant: same identity number, or, for a holder without one, the same subject. */
    static boolean heldBy(Provision.CertificateFacts certificate, ApplicantData applicant) {
        if (certificate.holderIdNumber() != null) {
            return certificate.holderIdNumber().equalsIgnoreCase(applicant.idNumber());
        }
        return certificate.holderSubject() != null
                && certificate.holderSubject().equals(applicant.subject());
    }

    static List<MaterialState> deficiencies(List<MaterialState> states) {
        return states.stream().filter(MaterialState::isDeficiency).toList();
    }

    /** Acceptance with deficiencies (容缺) is possible when something is missing and none of it is key. */
    static boolean pledgeable(List<MaterialState> deficiencies) {
        return !deficiencies.isEmpty() && deficiencies.stream().noneMatch(MaterialState::key);
    }
}
