package org.runonce.catalog.item;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;

/**
 * Commitment approval (告知承诺制) of an item version: the applicant may sign {@code statement} instead of handing in
 * {@code materials}; the case is decided without them and the department checks within
 * {@code checkWithinWorkingDays} working days of the decision (事后核查); a failed check revokes the certificate.
 *
 * @param statement the commitment the applicant signs (承诺书), in Chinese and English
 * @param materials codes of this version's required materials the commitment replaces
 * @param checkWithinWorkingDays working days after the decision within which the post-approval check is due
 */
@Schema(
        description = "Commitment approval (告知承诺制): materials a signed commitment replaces and the post-approval"
                + " check's working days",
        example = """
                {"statement": {"zh": "本人承诺符合食品经营许可条件，所填信息及承诺内容真实，愿承担不实承诺的法律责任。",
                               "en": "I undertake that the conditions of a food business licence are met and that what I state is true; I bear the legal consequences of an untrue commitment."},
                 "materials": ["FOOD_SAFETY_RULES", "PREMISES_LAYOUT"],
                 "checkWithinWorkingDays": 20}""")
public record Commitment(
        @Schema(description = "the commitment signed (承诺书)") Name statement,

        @Schema(description = "required materials of the version it replaces", example = "[\"FOOD_SAFETY_RULES\"]")
        List<String> materials,

        @Schema(description = "working days after the decision to the check's due day, 1 to 120", example = "20")
        Integer checkWithinWorkingDays) {

    /** The longest a check may wait: about half a year of working days. */
    static final int MAX_CHECK_WORKING_DAYS = 120;

    public Commitment {
        statement = Bilingual.cleaned(statement);
        materials = materials == null
                ? List.of()
                : materials.stream()
                        .filter(m -> m != null && !m.isBlank())
                        .map(String::strip)
                        .toList();
    }

    /**
     * Whether the version may be approved on commitment, every reason it may not at once. Only licences and
     * confirmations (行政许可、证明事项, what the reform applies it to); only an item that issues a certificate (a failed
     * check revokes it: without one nothing undoes the decision); not for MULTIPLE_VISITS (a decision on commitment
     * is made on the spot or within the promised time, and an item that needs several visits has steps before the
     * decision a signature cannot replace); only required materials of the version, none an e-certificate already
     * provides (shared from the wallet, there is nothing to promise).
     */
    List<Violation> violations(
            ItemKind kind, Result result, HandlingMode handlingMode, List<Material> versionMaterials) {
        List<Violation> violations = new ArrayList<>();
        if (!Bilingual.complete(statement)) {
            violations.add(new Violation(
                    "commitment.statement",
                    "REQUIRED",
                    "the commitment's statement is required in Chinese and English"));
        }
        if (checkWithinWorkingDays == null
                || checkWithinWorkingDays < 1
                || checkWithinWorkingDays > MAX_CHECK_WORKING_DAYS) {
            violations.add(new Violation(
                    "commitment.checkWithinWorkingDays",
                    "CHECK_DAYS_OUT_OF_RANGE",
                    "the post-approval check is due within 1 to " + MAX_CHECK_WORKING_DAYS + " working days"));
        }
        if (kind != null && kind != ItemKind.LICENCE && kind != ItemKind.CONFIRMATION) {
            violations.add(new Violation(
                    "commitment",
                    "COMMITMENT_NOT_FOR_KIND",
                    "commitment approval is for licences and confirmations, not " + kind));
        }
        if (result == null
                || result.certificateType() == null
                || result.certificateType().isBlank()) {
            violations.add(new Violation(
                    "commitment",
                    "COMMITMENT_WITHOUT_CERTIFICATE",
                    "an item approved on commitment must issue a certificate type: a failed check revokes it"));
        }
        if (handlingMode == HandlingMode.MULTIPLE_VISITS) {
            violations.add(new Violation(
                    "commitment",
                    "COMMITMENT_NOT_FOR_HANDLING_MODE",
                    "an item handled in several visits cannot be decided on a commitment"));
        }
        if (materials.isEmpty()) {
            violations.add(new Violation(
                    "commitment.materials", "REQUIRED", "name at least one material the commitment replaces"));
        }
        Set<String> seen = new HashSet<>();
        for (String code : materials) {
            String field = "commitment.materials[" + code + "]";
            var material =
                    versionMaterials.stream().filter(m -> m.code().equals(code)).findFirst();
            if (!seen.add(code)) {
                violations.add(new Violation(field, "DUPLICATE", "named twice"));
            } else if (material.isEmpty()) {
                violations.add(new Violation(field, "UNKNOWN_MATERIAL", "not a material of this version"));
            } else if (!material.get().required()) {
                violations.add(new Violation(
                        field, "MATERIAL_NOT_REQUIRED", "an optional material needs no commitment to replace it"));
            } else if (material.get().satisfiedByCertificateOf() != null) {
                violations.add(new Violation(
                        field,
                        "MATERIAL_SHARED_BY_CERTIFICATE",
                        "an e-certificate of " + material.get().satisfiedByCertificateOf()
                                + " provides it: shared, not promised"));
            }
        }
        return violations;
    }
}
