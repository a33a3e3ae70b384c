package org.runonce.approval.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the cases of an accepted application, idempotently: a case that exists already is left as it is (a
 * redelivered or replayed event opens nothing twice). Department, region and promised days are the acceptance's;
 * approval's catalog copy adds only the procedure steps, the item's name and its handling mode.
 */
@Service
public class OpeningCases {

    private static final Logger log = LoggerFactory.getLogger(OpeningCases.class);

    private final Cases cases;
    private final CatalogCopy catalog;
    private final CascadingDecisions cascade;
    private final CaseTime caseTime;
    private final Time time;
    private final ApprovalProperties properties;

    OpeningCases(
            Cases cases,
            CatalogCopy catalog,
            CascadingDecisions cascade,
            CaseTime caseTime,
            Time time,
            ApprovalProperties properties) {
        this.cases = cases;
        this.catalog = catalog;
        this.cascade = cascade;
        this.caseTime = caseTime;
        this.time = time;
        this.properties = properties;
    }

    /** Opens every case of the application that is not open yet; returns the cases opened now. */
    @Transactional
    public List<String> open(OpenCases command) {
        List<String> opened = new ArrayList<>();
        for (var spec : command.cases()) {
            open(command, spec, "system").ifPresent(opened::add);
        }
        return opened;
    }

    /** Opens one case of the application on behalf of {@code actor}; empty when it existed already. */
    @Transactional
    public Optional<String> open(OpenCases command, ApplicationAccepted.Case spec, String actor) {
        if (cases.exists(spec.caseNumber())) {
            log.debug("case {} exists already, not opened again", spec.caseNumber());
            return Optional.empty();
        }
        if (spec.departmentCode() == null) {
            throw new IllegalArgumentException("case " + spec.caseNumber() + " has no department");
        }
        var version = catalog.itemVersion(spec.itemCode(), spec.itemVersion());
        if (version.isEmpty()) {
            log.warn(
                    "item {} version {} unknown to approval's catalog copy: case {} opened with the standard procedure",
                    spec.itemCode(),
                    spec.itemVersion(),
                    spec.caseNumber());
        }
        String region = command.region() != null ? command.region() : regionOf(spec.departmentCode());
        var m = caseTime.of(region);
        var subject = new Subject(
                spec.caseNumber(),
                command.applicationNumber(),
                command.bundleCode(),
                spec.itemCode(),
                spec.itemVersion(),
                version.map(ItemVersionPublished::name).orElse(null),
                spec.departmentCode(),
                region,
                version.map(ItemVersionPublished::handlingMode).orElse("RUN_ONCE"),
                command.applicant(),
                version.map(Procedure::of).orElseGet(Procedure::standard),
                command.acceptedAt(),
                m.now());
        var prerequisites = new Prerequisites(spec.dependsOn());
        var opening = new Opening(
                subject,
                spec.promisedWorkingDays(),
                prerequisites,
                prerequisites.waitingFor(cases.statuses(prerequisites.dependsOn())),
                Objects.requireNonNullElse(spec.materials(), List.of()),
                time.dayOf(command.acceptedAt()));
        var c = Case.open(opening, actor, m);
        if (!cases.add(c)) {
            return Optional.empty();
        }
        if (c.status() == Status.PENDING && !prerequisites.isEmpty()) {
            // every case it needs was approved before (a late case of an application): attach their certificates
            cascade.attachCertificates(c);
            cases.save(c);
        }
        return Optional.of(c.number());
    }

    /** A window decision names no region: the department's, as approval's catalog copy knows it. */
    private String regionOf(String department) {
        return catalog.regionOf(department).orElse(properties.defaultRegion());
    }
}
