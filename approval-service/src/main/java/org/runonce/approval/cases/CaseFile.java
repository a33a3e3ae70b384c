package org.runonce.approval.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.Deficiency;

/**
 * The case file (案卷): everything the department decides on, as filed: the applicant, the application form, the terms
 * of acceptance, the materials with where to read their documents, the one-time notices (intake's before acceptance
 * and the department's own supplement requests), the certificates attached from other cases, and the certificate
 * an approval would issue, prefilled.
 *
 * @param caseNumber the case
 * @param applicationNumber the application
 * @param itemCode the item
 * @param itemVersion the pinned item version
 * @param itemName the item's name, or null
 * @param departmentCode the department
 * @param status the case's status
 * @param applicant who applied (in full: the department decides on it)
 * @param acceptance the application form and the terms of acceptance, or null for a case approval did not open from
 *     intake's acceptance (a window decision, or a case opened before approval kept acceptances)
 * @param materials what the case has, each with its name and where its document or certificate is read
 * @param intakeNotices intake's one-time notices on the application before it was accepted, oldest first
 * @param supplementRequests the department's own supplement requests on the case
 * @param certificates the certificates among the materials (attached from cases this one needed, or brought by the
 *     applicant), as issued
 * @param certificateDraft what an approval issues unless edited, or null when the item issues no certificate
 */
public record CaseFile(
        String caseNumber,
        String applicationNumber,
        String itemCode,
        int itemVersion,
        Name itemName,
        String departmentCode,
        String status,
        Applicant applicant,
        Acceptance acceptance,
        List<Material> materials,
        List<IntakeNotice> intakeNotices,
        List<CaseView.Supplement> supplementRequests,
        List<AttachedCertificate> certificates,
        CertificateDraft certificateDraft) {

    /**
     * The application as intake accepted it.
     *
     * @param channel ONLINE or WINDOW
     * @param filedBy the window clerk who filed it, or null
     * @param acceptedAt when
     * @param withDeficiencies accepted with non-key materials missing (容缺受理)
     * @param pledgeDate the day the applicant pledged to hand them in, or null
     * @param missingMaterials what was missing at acceptance
     * @param form the application form as submitted (a bundle's form holds the fields of all its items)
     */
    public record Acceptance(
            String channel,
            String filedBy,
            Instant acceptedAt,
            boolean withDeficiencies,
            LocalDate pledgeDate,
            List<ApplicationAccepted.MissingMaterial> missingMaterials,
            Map<String, Object> form) {}

    /**
     * A material of the case.
     *
     * @param code material code
     * @param name its name in the pinned item version, or null when the version does not list it
     * @param documentId the document held by intake, or null
     * @param documentUrl its metadata at intake (append {@code /content} for the bytes); intake lets the department's
     *     reviewers and heads read it (its document grants) and answers 404 to anyone else, or null
     * @param certificateNumber the e-certificate standing for it, or null
     * @param certificateUrl where the case's readers read that certificate in full (the view is audited), or null
     * @param producedByCase the case whose certificate satisfies it, or null
     * @param attachedAt when it was added to the case
     */
    @Schema(name = "CaseFileMaterial")
    public record Material(
            String code,
            Name name,
            String documentId,
            String documentUrl,
            String certificateNumber,
            String certificateUrl,
            String producedByCase,
            Instant attachedAt) {}

    /**
     * A one-time notice intake issued before acceptance.
     *
     * @param noticeNumber e.g. {@code 330000-2026-000123-N1}
     * @param issuedAt when
     * @param second whether an earlier notice existed (flagged for supervisors)
     * @param acceptableWithPledge whether only non-key materials were missing
     * @param deficiencies everything missing or deficient, at once
     * @param documentPath the notice as the applicant received it, relative to the gateway
     */
    public record IntakeNotice(
            String noticeNumber,
            Instant issuedAt,
            boolean second,
            boolean acceptableWithPledge,
            List<Deficiency> deficiencies,
            String documentPath) {}

    /**
     * A certificate among the case's materials.
     *
     * @param number certificate number
     * @param type certificate type
     * @param name its name, or null
     * @param issuedByCase the case that issued it
     * @param departmentCode the issuing department
     * @param holder whom it was issued to
     * @param content what it certifies
     * @param issuedAt when
     * @param validUntil last valid day, or null
     * @param revoked whether it was revoked since
     */
    public record AttachedCertificate(
            String number,
            String type,
            Name name,
            String issuedByCase,
            String departmentCode,
            Holder holder,
            Map<String, Object> content,
            Instant issuedAt,
            LocalDate validUntil,
            boolean revoked) {}
}
