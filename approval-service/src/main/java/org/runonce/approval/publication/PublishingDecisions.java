package org.runonce.approval.publication;

import java.util.Set;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.cases.CaseQueries;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes a decided case of a public item in the transaction that decides it (a plain, synchronous listener on the
 * case's own {@code case.decided} event as it enters the outbox): the decision and its publication commit together.
 * Public means: the pinned item version's kind is one of {@code runonce.approval.publication.kinds}.
 */
@Component
class PublishingDecisions {

    private static final Logger log = LoggerFactory.getLogger(PublishingDecisions.class);

    private final CatalogCopy catalog;
    private final CaseQueries cases;
    private final Publications publications;
    private final Time time;
    private final Set<String> publicKinds;

    PublishingDecisions(
            CatalogCopy catalog,
            CaseQueries cases,
            Publications publications,
            Time time,
            ApprovalProperties properties) {
        this.catalog = catalog;
        this.cases = cases;
        this.publications = publications;
        this.time = time;
        this.publicKinds = Set.copyOf(properties.publication().kinds());
    }

    @EventListener
    void on(CloudEvent<?> event) {
        if (event.data() instanceof CaseDecided decided) {
            publish(decided);
        }
    }

    void publish(CaseDecided d) {
        var version = catalog.itemVersion(d.itemCode(), d.itemVersion());
        if (version.isEmpty() || !publicKinds.contains(version.get().kind())) {
            log.debug("case {}: item {} is not public, decision not published", d.caseNumber(), d.itemCode());
            return;
        }
        var item = version.get();
        var applicant = cases.applicantOf(d.caseNumber()).orElseThrow();
        publications.add(
                new PublishedDecision(
                        d.caseNumber(),
                        d.applicationNumber(),
                        d.itemCode(),
                        item.name(),
                        d.departmentCode(),
                        d.outcome(),
                        d.decidedAt(),
                        Masking.name(applicant.type(), applicant.name()),
                        applicant.type(),
                        d.certificateNumber(),
                        d.certificateNumber() == null || item.result() == null
                                ? null
                                : item.result().certificateType()),
                time.now());
    }
}
