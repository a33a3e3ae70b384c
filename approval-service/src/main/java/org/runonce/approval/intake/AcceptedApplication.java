package org.runonce.approval.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.runonce.approval.cases.Applicant;
import org.runonce.approval.cases.OpenCases;

/**
 * Approval's reading of intake's {@code ApplicationAccepted} (only what it needs; unknown members are ignored so
 * intake can add to its event).
 *
 * @param applicationNumber the application
 * @param bundleCode the bundle, or null
 * @param applicant who applied
 * @param region region code of the calendar, or null
 * @param acceptedAt acceptance time
 * @param cases one per item
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AcceptedApplication(
        String applicationNumber,
        String bundleCode,
        ApplicantData applicant,
        String region,
        Instant acceptedAt,
        List<CaseData> cases) {

    static final String TYPE = "org.runonce.intake.application.accepted.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApplicantData(
            String subject, String name, String type, String idNumber, String locale, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseData(
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            List<String> dependsOn,
            Integer promisedWorkingDays,
            List<MaterialData> materials) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MaterialData(String code, String documentId, String certificateNumber, String producedByCase) {}

    OpenCases toCommand() {
        var a = applicant == null ? new ApplicantData(null, null, null, null, null, null, null) : applicant;
        return new OpenCases(
                applicationNumber,
                bundleCode,
                new Applicant(a.subject(), a.name(), a.type(), a.idNumber(), a.locale(), a.email(), a.phone()),
                region,
                acceptedAt,
                cases.stream()
                        .map(c -> new OpenCases.CaseToOpen(
                                c.caseNumber(),
                                c.itemCode(),
                                c.itemVersion(),
                                c.departmentCode(),
                                c.dependsOn(),
                                c.promisedWorkingDays(),
                                c.materials() == null
                                        ? List.of()
                                        : c.materials().stream()
                                                .map(m -> new OpenCases.Material(
                                                        m.code(),
                                                        m.documentId(),
                                                        m.certificateNumber(),
                                                        m.producedByCase()))
                                                .toList()))
                        .toList());
    }
}
