package org.runonce.intake.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;

/**
 * The aggregate's state as stored (JSON) and shown.
 *
 * @param identityCheck how the applicant's identity was established (null for applications stored before it was
 *     recorded)
 * @param states the last completeness check's findings per material
 * @param preReview the online pre-review (网上预审), or null when none is required
 */
public record ApplicationSnapshot(
        String number,
        String region,
        Channel channel,
        String bundleCode,
        Name bundleName,
        Requirements requirements,
        ApplicantData applicant,
        Actor filedBy,
        Records.IdentityCheck identityCheck,
        Map<String, Object> form,
        Instant submittedAt,
        ApplicationStatus status,
        Map<String, Provision> provisions,
        List<MaterialState> states,
        List<Notice> notices,
        Acceptance acceptance,
        List<CaseTrack> cases,
        Records.Refusal refusal,
        Records.Withdrawal withdrawal,
        List<Records.Visit> visits,
        Instant completedAt,
        Records.DeliveryChoice deliveryChoice,
        Records.Delivery delivery,
        Records.Evaluation evaluation,
        PreReview preReview) {

    /**
     * Per department with a case, the documents its cases were opened with or got later: what the department may
     * read (not the rest of the application's documents, which other departments' cases use).
     */
    Map<String, Set<UUID>> documentsByDepartment() {
        Map<String, Set<UUID>> documents = new LinkedHashMap<>();
        for (CaseTrack c : cases) {
            Set<UUID> ids = documents.computeIfAbsent(c.departmentCode(), d -> new LinkedHashSet<>());
            c.materials().stream()
                    .map(CaseMaterial::documentId)
                    .filter(Objects::nonNull)
                    .map(UUID::fromString)
                    .forEach(ids::add);
        }
        return documents;
    }

    /** What was handed in at submission. */
    Submission submission() {
        return new Submission(
                number,
                region,
                channel,
                applicant,
                filedBy,
                identityCheck,
                bundleCode,
                bundleName,
                requirements,
                form,
                provisions,
                null);
    }
}
