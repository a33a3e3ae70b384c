package org.runonce.intake.completeness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.runonce.intake.completeness.MaterialState.Outcome;
import org.runonce.starter.domain.Refusal;

/**
 * The completeness check: every material the items need, against what the applicant handed in. Pure and total: it
 * finds everything at once, which is what makes a single one-time notice possible.
 */
public final class Completeness {

    public static final String MISSING = "MISSING";
    public static final String DOCUMENT_UNREADABLE = "DOCUMENT_UNREADABLE";
    public static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    public static final String CERTIFICATE_HOLDER_MISMATCH = "CERTIFICATE_HOLDER_MISMATCH";
    public static final String CERTIFICATE_TYPE_MISMATCH = "CERTIFICATE_TYPE_MISMATCH";

    private Completeness() {}

    public static List<MaterialState> check(
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

    public static MaterialState check(
            Requirement requirement, Provision provision, ApplicantData applicant, LocalDate today) {
        String code = requirement.code();
        if (provision == null || provision.producedBy() != null) {
            // items that wait for the producing item get it from there; the others need it handed in (an explicit
            // "producedBy" was checked to name the producer of every need)
            List<Requirement.Need> uncovered = requirement.needs().stream()
                    .filter(n -> n.producer() == null && n.required() && !n.committed())
                    .toList();
            boolean producedSomewhere = requirement.needs().stream().anyMatch(n -> n.producer() != null);
            boolean committed =
                    requirement.needs().stream().anyMatch(n -> n.producer() == null && n.required() && n.committed());
            if (uncovered.isEmpty() && committed) {
                // the commitment (告知承诺) stands in for it: not handed in, and not missing
                return new MaterialState(code, Outcome.COMMITTED, null, List.of(), false, null);
            }
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

    /**
     * Refuses materials handed in after an acceptance with deficiencies unless each is one of the missing ones and
     * usable: 422 {@code supplement-refused} listing every one that is not.
     */
    public static void requireUsable(
            Collection<Provision> given,
            List<String> missing,
            Requirements requirements,
            ApplicantData applicant,
            LocalDate today) {
        List<FieldError> errors = unusable(given, missing, requirements, applicant, today);
        if (!errors.isEmpty()) {
            throw FieldError.refusal(
                    Refusal.unprocessable(
                            "supplement-refused",
                            "Supplement refused",
                            "The materials handed in cannot be used; nothing was recorded."),
                    errors);
        }
    }

    private static List<FieldError> unusable(
            Collection<Provision> given,
            List<String> missing,
            Requirements requirements,
            ApplicantData applicant,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        for (Provision provision : given) {
            String field = "materials[" + provision.code() + "]";
            if (!missing.contains(provision.code())) {
                errors.add(new FieldError(field, "is not among the missing materials " + missing));
                continue;
            }
            Requirement requirement = requirements
                    .material(provision.code())
                    .orElseThrow(() -> new IllegalStateException("no requirement " + provision.code()));
            MaterialState state = check(requirement, provision, applicant, today);
            if (state.outcome() != Outcome.PROVIDED) {
                errors.add(new FieldError(field, Reasons.text(state.reason(), state.expiredOn(), applicant.english())));
            }
        }
        return errors;
    }

    /** The holder is the applicant: same identity number, or, for a holder without one, the same subject. */
    public static boolean heldBy(Provision.CertificateFacts certificate, ApplicantData applicant) {
        if (certificate.holderIdNumber() != null) {
            return certificate.holderIdNumber().equalsIgnoreCase(applicant.idNumber());
        }
        return certificate.holderSubject() != null
                && certificate.holderSubject().equals(applicant.subject());
    }

    public static List<MaterialState> deficiencies(List<MaterialState> states) {
        return states.stream().filter(MaterialState::isDeficiency).toList();
    }

    /** The key materials among the deficiencies: they must be handed in before acceptance. */
    public static List<String> keyMaterials(List<MaterialState> deficiencies) {
        return deficiencies.stream()
                .filter(MaterialState::key)
                .map(MaterialState::code)
                .toList();
    }

    /** Acceptance with deficiencies (容缺) is possible when something is missing and none of it is key. */
    public static boolean pledgeable(List<MaterialState> deficiencies) {
        return !deficiencies.isEmpty() && deficiencies.stream().noneMatch(MaterialState::key);
    }
}
