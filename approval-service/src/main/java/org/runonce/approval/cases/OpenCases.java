package org.runonce.approval.cases;

import java.time.Instant;
import java.util.List;

/**
 * Open the cases of an accepted application: what approval needs from intake's {@code ApplicationAccepted}.
 *
 * @param applicationNumber the application
 * @param bundleCode the bundle, or null for a single item
 * @param applicant who applied
 * @param region region code whose working-day calendar clocks the cases, or null (then the department's region)
 * @param acceptedAt when the application was accepted: the clocks of cases that wait for nothing start that day
 * @param cases one per item
 */
public record OpenCases(
        String applicationNumber,
        String bundleCode,
        Applicant applicant,
        String region,
        Instant acceptedAt,
        List<CaseToOpen> cases) {

    public OpenCases {
        cases = List.copyOf(cases);
    }

    /**
     * One case.
     *
     * @param caseNumber {@code <applicationNumber>-NN}
     * @param itemCode the item
     * @param itemVersion the item version in force at acceptance (the case is pinned to it)
     * @param departmentCode the item's department as intake saw it
     * @param dependsOn case numbers of the same application whose decision (and certificate) it needs
     * @param promisedWorkingDays the item version's promised time limit as intake saw it, or null
     * @param materials what was handed in
     */
    public record CaseToOpen(
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            List<String> dependsOn,
            Integer promisedWorkingDays,
            List<Material> materials) {

        public CaseToOpen {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /**
     * One material: a document, an existing certificate, or the certificate another case of the application will
     * produce; all null when it is missing (accepted with deficiencies).
     *
     * @param code material code
     * @param documentId an uploaded document in intake, or null
     * @param certificateNumber an e-certificate, or null
     * @param producedByCase a case of this application whose certificate satisfies it, or null
     */
    public record Material(String code, String documentId, String certificateNumber, String producedByCase) {}
}
