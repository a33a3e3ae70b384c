package org.runonce.catalog.item;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * The content of one version of an item's service guide (办事指南). A draft may be incomplete; publication
 * checks it with {@link #missingDisclosures()} and {@link #violations()}.
 *
 * @param kind licence, confirmation, public service or other
 * @param departmentCode the owning department, e.g. SAMR
 * @param name the item's name
 * @param legalBasis the laws and regulations it rests on (法律依据)
 * @param acceptanceConditions who may apply and under which conditions (申请条件)
 * @param steps the procedure in order (办事程序)
 * @param materials what the applicant hands in (申报材料)
 * @param fees free, or fees each with its legal basis (收费依据及标准)
 * @param timeLimits statutory and promised working days (办事时限)
 * @param handlingMode how many visits the reform allows
 * @param visitsRequired physical visits an applicant needs, consistent with the handling mode
 * @param result the certificate the applicant obtains, if any
 * @param deliveryOptions how the result is delivered
 * @param consultationChannels where to ask
 * @param complaintChannels where to complain (投诉渠道)
 * @param form the application form (申请表) as a JSON Schema 2020-12 following the contracts' form profile
 *     ({@code schemas/catalog/form.schema.json}); required for publication, immutable with the version
 * @param commitment commitment approval (告知承诺制), or null when the version is not marked; refused at once (400,
 *     nothing saved) when the content does not allow it, see {@link Commitment#violations}
 */
public record GuideContent(
        ItemKind kind,
        String departmentCode,
        Name name,
        List<String> legalBasis,
        List<String> acceptanceConditions,
        List<ProcedureStep> steps,
        List<Material> materials,
        Fees fees,
        TimeLimits timeLimits,
        HandlingMode handlingMode,
        Integer visitsRequired,
        Result result,
        List<DeliveryOption> deliveryOptions,
        List<Channel> consultationChannels,
        List<Channel> complaintChannels,
        Map<String, Object> form,
        Commitment commitment) {

    /** Content not marked for commitment approval. */
    public GuideContent(
            ItemKind kind,
            String departmentCode,
            Name name,
            List<String> legalBasis,
            List<String> acceptanceConditions,
            List<ProcedureStep> steps,
            List<Material> materials,
            Fees fees,
            TimeLimits timeLimits,
            HandlingMode handlingMode,
            Integer visitsRequired,
            Result result,
            List<DeliveryOption> deliveryOptions,
            List<Channel> consultationChannels,
            List<Channel> complaintChannels,
            Map<String, Object> form) {
        this(
                kind,
                departmentCode,
                name,
                legalBasis,
                acceptanceConditions,
                steps,
                materials,
                fees,
                timeLimits,
                handlingMode,
                visitsRequired,
                result,
                deliveryOptions,
                consultationChannels,
                complaintChannels,
                form,
                null);
    }

    public GuideContent {
        name = Bilingual.cleaned(name);
        legalBasis = nonBlank(legalBasis);
        acceptanceConditions = nonBlank(acceptanceConditions);
        steps = steps == null ? List.of() : List.copyOf(steps);
        materials = materials == null ? List.of() : List.copyOf(materials);
        deliveryOptions = deliveryOptions == null ? List.of() : List.copyOf(deliveryOptions);
        consultationChannels = consultationChannels == null ? List.of() : List.copyOf(consultationChannels);
        complaintChannels = complaintChannels == null ? List.of() : List.copyOf(complaintChannels);
        form = FormProfile.canonical(form);
        if (visitsRequired != null && visitsRequired < 0) {
            throw Refusal.invalid("visitsRequired cannot be negative");
        }
        requireUnique("material", materials.stream().map(Material::code).toList());
        requireUnique("procedure step", steps.stream().map(ProcedureStep::code).toList());
        if (commitment != null) {
            // checked whenever content is written, draft or not: a marking the content cannot carry is bad input
            List<Violation> refused = commitment.violations(kind, result, handlingMode, materials);
            if (!refused.isEmpty()) {
                throw Refusal.badRequest(
                                "commitment-not-allowed",
                                "Commitment approval not allowed",
                                "this content cannot be approved on commitment (告知承诺制); nothing was saved")
                        .with("violations", refused);
            }
        }
    }

    /** The disclosures this content does not make yet, in their canonical order. */
    public Set<Disclosure> missingDisclosures() {
        Set<Disclosure> missing = EnumSet.noneOf(Disclosure.class);
        if (legalBasis.isEmpty()) {
            missing.add(Disclosure.LEGAL_BASIS);
        }
        if (steps.isEmpty()) {
            missing.add(Disclosure.PROCEDURE);
        }
        if (acceptanceConditions.isEmpty()) {
            missing.add(Disclosure.CONDITIONS);
        }
        if (materials.isEmpty()) {
            missing.add(Disclosure.MATERIALS);
        }
        if (fees == null || !fees.disclosed()) {
            missing.add(Disclosure.FEES);
        }
        if (timeLimits == null || !timeLimits.disclosed()) {
            missing.add(Disclosure.TIME_LIMIT);
        }
        if (complaintChannels.isEmpty()) {
            missing.add(Disclosure.COMPLAINT_CHANNEL);
        }
        return missing;
    }

    /** Everything else that keeps this content from being published, all at once. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new Violation("kind", "REQUIRED", "the kind of item is required"));
        }
        if (departmentCode == null || departmentCode.isBlank()) {
            violations.add(new Violation("departmentCode", "REQUIRED", "the owning department is required"));
        }
        if (!Bilingual.complete(name)) {
            violations.add(new Violation("name", "REQUIRED", "the name is required in Chinese and English"));
        }
        for (Material material : materials) {
            if (!Bilingual.complete(material.name())) {
                violations.add(new Violation(
                        "materials[" + material.code() + "].name",
                        "REQUIRED",
                        "the material's name is required in Chinese and English"));
            }
        }
        if (timeLimits != null && timeLimits.disclosed() && !timeLimits.promisedCutAtLeast30Percent()) {
            violations.add(new Violation(
                    "timeLimits.promisedWorkingDays",
                    "PROMISED_NOT_30_PERCENT_BELOW_STATUTORY",
                    "the promised limit (" + timeLimits.promisedWorkingDays()
                            + " working days) must be at most 70% of the statutory limit ("
                            + timeLimits.statutoryWorkingDays() + " working days)"));
        }
        if (handlingMode == null) {
            violations.add(new Violation("handlingMode", "REQUIRED", "the handling mode is required"));
        }
        if (visitsRequired == null) {
            violations.add(new Violation("visitsRequired", "REQUIRED", "the number of visits is required"));
        } else if (handlingMode != null && !handlingMode.allows(visitsRequired)) {
            violations.add(new Violation(
                    "visitsRequired",
                    "VISITS_INCONSISTENT_WITH_HANDLING_MODE",
                    handlingMode + " does not allow " + visitsRequired + " visit(s)"));
        }
        if (deliveryOptions.isEmpty()) {
            violations.add(new Violation("deliveryOptions", "REQUIRED", "at least one delivery option is required"));
        }
        violations.addAll(FormProfile.violations(form));
        return violations;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }

    private static void requireUnique(String what, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                throw Refusal.invalid("duplicate " + what + " code " + code);
            }
        }
    }
}
