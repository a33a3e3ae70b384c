package org.runonce.approval.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.runonce.approval.cases.OpenCases;

/**
 * Approval's reading of intake's {@code ApplicationMaterialsSupplied}: materials handed in after acceptance, per case.
 *
 * @param applicationNumber the application
 * @param cases the cases concerned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SuppliedMaterials(String applicationNumber, List<CaseMaterials> cases) {

    static final String TYPE = "org.runonce.intake.application.materials-supplied.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseMaterials(String caseNumber, List<AcceptedApplication.MaterialData> materials) {

        List<OpenCases.Material> toMaterials() {
            return materials == null
                    ? List.of()
                    : materials.stream()
                            .map(m -> new OpenCases.Material(
                                    m.code(), m.documentId(), m.certificateNumber(), m.producedByCase()))
                            .toList();
        }
    }
}
