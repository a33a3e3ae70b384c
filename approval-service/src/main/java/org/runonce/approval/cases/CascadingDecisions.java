package org.runonce.approval.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.approval.certificate.Certificates;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.springframework.stereotype.Component;

/**
 * The dependent-case cascade: when a case is decided, the cases of its application that waited for it start, the
 * certificates they need attached as the materials they stand for, once everything they need is approved; or they
 * are rejected by the system when it was rejected, and so on down the chain.
 */
@Component
class CascadingDecisions {

    private final Cases cases;
    private final Certificates certificates;
    private final CatalogCopy catalog;
    private final CaseTime caseTime;

    CascadingDecisions(Cases cases, Certificates certificates, CatalogCopy catalog, CaseTime caseTime) {
        this.cases = cases;
        this.certificates = certificates;
        this.catalog = catalog;
        this.caseTime = caseTime;
    }

    /** Lets the cases waiting for {@code decided} go on (after its certificate was issued). */
    void after(Case decided) {
        for (String number : cases.dependentsOf(decided.number())) {
            var waiting = cases.lock(number).orElseThrow();
            if (waiting.status() != Status.WAITING) {
                continue;
            }
            var m = caseTime.of(waiting);
            if (decided.status() != Status.APPROVED) {
                waiting.rejectForPrerequisite(decided.number(), m);
                cases.save(waiting);
                after(waiting);
                continue;
            }
            var prerequisites = waiting.parts().prerequisites();
            if (prerequisites.allApproved(cases.statuses(prerequisites.dependsOn()))) {
                waiting.start(attachCertificates(waiting), m);
                cases.save(waiting);
            }
        }
    }

    /** Attaches the certificates of the cases {@code c} depends on as the materials they stand for. */
    List<AttachedCertificate> attachCertificates(Case c) {
        List<AttachedCertificate> attached = new ArrayList<>();
        for (String dependency : c.parts().prerequisites().dependsOn()) {
            var from = cases.find(dependency).orElse(null);
            if (from == null || from.decision() == null || from.decision().certificateNumber() == null) {
                continue;
            }
            String number = from.decision().certificateNumber();
            var certificate = certificates.find(number).orElseThrow();
            // the case may need the decision rather than a listed material: then it goes under the material it
            // satisfies
            String fallback = materialSatisfiedBy(c, from.subject().itemCode()).orElse(certificate.type());
            attached.addAll(c.attachCertificate(
                    dependency,
                    number,
                    certificate.type(),
                    fallback,
                    caseTime.of(c).now()));
        }
        return attached;
    }

    private Optional<String> materialSatisfiedBy(Case c, String itemCode) {
        return catalog.itemVersion(c.subject().itemCode(), c.subject().itemVersion())
                .flatMap(v -> v.materials().stream()
                        .filter(m -> itemCode.equals(m.satisfiedByCertificateOf()))
                        .map(ItemVersionPublished.Material::code)
                        .findFirst());
    }
}
