package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

/**
 * Materials missing at acceptance (容缺) were handed in afterwards; each case gets the references it needs.
 *
 * @param applicationNumber the application
 * @param cases the cases concerned, each with the newly supplied materials
 * @param stillMissing material codes still missing, empty when the pledge is fulfilled
 * @param suppliedAt when
 */
public record ApplicationMaterialsSupplied(
        String applicationNumber, List<CaseMaterials> cases, List<String> stillMissing, Instant suppliedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.materials-supplied.v1";

    /**
     * @param caseNumber the case
     * @param materials what it newly has
     */
    public record CaseMaterials(String caseNumber, List<MaterialReference> materials) {}
}
