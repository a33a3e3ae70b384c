package org.runonce.approval.intake;

import java.util.List;
import org.runonce.approval.cases.Applicant;
import org.runonce.approval.cases.OpenCases;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;

/** Intake's events as approval's commands. */
final class IntakeMapping {

    private IntakeMapping() {}

    static OpenCases openCases(ApplicationAccepted accepted) {
        var a = accepted.applicant();
        return new OpenCases(
                accepted.applicationNumber(),
                accepted.bundleCode(),
                a == null
                        ? new Applicant(null, null, null, null, null, null, null)
                        : new Applicant(
                                a.subject(), a.name(), a.type(), a.idNumber(), a.locale(), a.email(), a.phone()),
                accepted.region(),
                accepted.acceptedAt(),
                accepted.cases().stream()
                        .map(c -> new OpenCases.CaseToOpen(
                                c.caseNumber(),
                                c.itemCode(),
                                c.itemVersion(),
                                c.departmentCode(),
                                c.dependsOn(),
                                c.promisedWorkingDays(),
                                materials(c.materials())))
                        .toList());
    }

    static List<OpenCases.Material> materials(List<MaterialReference> references) {
        return references == null
                ? List.of()
                : references.stream()
                        .map(m -> new OpenCases.Material(
                                m.code(), m.documentId(), m.certificateNumber(), m.producedByCase()))
                        .toList();
    }
}
