package org.runonce.intake.application;

import java.time.Instant;
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

    /** The documents the application uses: the departments of its cases may read them once the cases exist. */
    Set<UUID> documentIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        provisions.values().stream()
                .map(Provision::documentId)
                .filter(Objects::nonNull)
                .forEach(ids::add);
        return ids;
    }

    /** The departments of its cases. */
    Set<String> departments() {
        Set<String> departments = new LinkedHashSet<>();
        cases.forEach(c -> departments.add(c.departmentCode()));
        return departments;
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
