package org.runonce.approval.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificates;
import org.runonce.approval.certificate.IssuingCertificates;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file for the department's reviewers, heads and systems (and supervisors): read with the same department
 * isolation as the case, and every reading recorded in the case's audit trail, since it shows the applicant's
 * declared data in full.
 */
@Service
public class CaseFiles {

    static final String DOCUMENTS = "/api/intake/documents/";

    private final CaseAccess access;
    private final ApplicationFiles files;
    private final CatalogCopy catalog;
    private final IssuingCertificates issuing;
    private final Certificates certificates;
    private final CaseViews views;
    private final Journal journal;

    CaseFiles(
            CaseAccess access,
            ApplicationFiles files,
            CatalogCopy catalog,
            IssuingCertificates issuing,
            Certificates certificates,
            CaseViews views,
            Journal journal) {
        this.access = access;
        this.files = files;
        this.catalog = catalog;
        this.issuing = issuing;
        this.certificates = certificates;
        this.views = views;
        this.journal = journal;
    }

    @Transactional
    public CaseFile file(String number, Caller caller) {
        var c = access.read(number, caller);
        var s = c.subject();
        var acceptance = files.acceptance(s.applicationNumber());
        var names = materialNames(s);
        var materials = c.parts().materials().all().stream()
                .map(m -> material(s.number(), m, names))
                .toList();
        var attached = materials.stream()
                .map(CaseFile.Material::certificateNumber)
                .filter(Objects::nonNull)
                .distinct()
                .flatMap(n -> certificates.find(n).stream())
                .map(k -> new CaseFile.AttachedCertificate(
                        k.number(),
                        k.type(),
                        k.name(),
                        k.caseNumber(),
                        k.departmentCode(),
                        k.holder(),
                        k.content(),
                        k.issuedAt(),
                        k.validUntil(),
                        k.revoked()))
                .toList();
        var view = views.of(c);
        var file = new CaseFile(
                s.number(),
                s.applicationNumber(),
                s.itemCode(),
                s.itemVersion(),
                s.itemName(),
                s.departmentCode(),
                c.status().name(),
                s.applicant(),
                acceptance.orElse(null),
                materials,
                files.notices(s.applicationNumber()),
                view.supplements(),
                attached,
                draft(c, acceptance.map(CaseFile.Acceptance::form).orElse(Map.of()))
                        .orElse(null));
        var payload = new LinkedHashMap<String, Object>();
        payload.put("form", acceptance.isPresent());
        payload.put(
                "documentIds",
                materials.stream()
                        .map(CaseFile.Material::documentId)
                        .filter(Objects::nonNull)
                        .toList());
        payload.put(
                "certificateNumbers",
                attached.stream().map(CaseFile.AttachedCertificate::number).toList());
        journal.audit(c.number(), "CASE_FILE_VIEWED", caller.username(), null, payload);
        return file;
    }

    /** What an approval of the case issues unless edited; empty when its item issues no certificate. */
    Optional<CertificateDraft> draft(Case c) {
        var form = files.acceptance(c.subject().applicationNumber())
                .map(CaseFile.Acceptance::form)
                .orElse(Map.of());
        return draft(c, form);
    }

    private Optional<CertificateDraft> draft(Case c, Map<String, Object> form) {
        var s = c.subject();
        return issuing.resultOf(s.itemCode(), s.itemVersion())
                .map(r -> CertificateDraft.prefill(r.certificateType(), r.name(), s, form));
    }

    private Map<String, Name> materialNames(Subject s) {
        Map<String, Name> names = new LinkedHashMap<>();
        catalog.itemVersion(s.itemCode(), s.itemVersion())
                .map(ItemVersionPublished::materials)
                .orElse(List.of())
                .forEach(m -> names.putIfAbsent(m.code(), m.name()));
        return names;
    }

    private static CaseFile.Material material(String caseNumber, CaseMaterials.Material m, Map<String, Name> names) {
        var r = m.reference();
        return new CaseFile.Material(
                r.code(),
                names.get(r.code()),
                r.documentId(),
                r.documentId() == null ? null : DOCUMENTS + r.documentId(),
                r.certificateNumber(),
                r.certificateNumber() == null
                        ? null
                        : "/api/approval/cases/" + caseNumber + "/certificates/" + r.certificateNumber(),
                r.producedByCase(),
                m.attachedAt());
    }
}
