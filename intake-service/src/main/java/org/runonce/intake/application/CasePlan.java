package org.runonce.intake.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.contracts.approval.CaseStatus;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.MaterialState.Outcome;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;

/**
 * How an accepted application splits into cases (分件): one per item in bundle order, numbered
 * {@code <application>-NN}; each waits for the cases of the items it depends on and is opened with a reference to
 * every material it needs (the document or e-certificate handed in, or the case that will produce it). The promised
 * time is the critical path: the longest chain of dependent items.
 */
final class CasePlan {

    private final Requirements requirements;
    private final Map<String, String> caseNumbers;

    private CasePlan(Requirements requirements, Map<String, String> caseNumbers) {
        this.requirements = requirements;
        this.caseNumbers = caseNumbers;
    }

    /** The plan of an application about to be accepted. */
    static CasePlan of(String applicationNumber, Requirements requirements) {
        Map<String, String> numbers = new LinkedHashMap<>();
        List<PinnedItem> items = requirements.items();
        for (int i = 0; i < items.size(); i++) {
            numbers.put(items.get(i).itemCode(), "%s-%02d".formatted(applicationNumber, i + 1));
        }
        return new CasePlan(requirements, numbers);
    }

    /** The plan an accepted application was split by. */
    static CasePlan of(Requirements requirements, List<CaseTrack> cases) {
        Map<String, String> numbers = new HashMap<>();
        cases.forEach(c -> numbers.put(c.itemCode(), c.caseNumber()));
        return new CasePlan(requirements, numbers);
    }

    /** The cases to open, with what has been handed in and found so far. */
    List<CaseTrack> open(Map<String, Provision> provisions, List<MaterialState> states, Instant now) {
        List<CaseTrack> cases = new ArrayList<>();
        for (PinnedItem item : requirements.items()) {
            List<String> dependsOn =
                    item.dependsOn().stream().map(caseNumbers::get).toList();
            cases.add(CaseTrack.opened(
                    caseNumbers.get(item.itemCode()),
                    item.itemCode(),
                    item.version(),
                    item.departmentCode(),
                    dependsOn,
                    item.promisedWorkingDays(),
                    materialsOf(item.itemCode(), requirements.materials(), provisions, states),
                    dependsOn.isEmpty() ? CaseStatus.PENDING : CaseStatus.WAITING,
                    now));
        }
        return cases;
    }

    /** The working days of the longest chain of dependent items: the bundle's promised time. */
    int promisedWorkingDays() {
        return criticalPathWorkingDays(requirements.items());
    }

    static int criticalPathWorkingDays(List<PinnedItem> items) {
        Map<String, Integer> finish = new HashMap<>();
        int longest = 0;
        for (PinnedItem item : items) {
            int start = item.dependsOn().stream()
                    .mapToInt(d -> finish.getOrDefault(d, 0))
                    .max()
                    .orElse(0);
            int end = start + item.promisedWorkingDays();
            finish.put(item.itemCode(), end);
            longest = Math.max(longest, end);
        }
        return longest;
    }

    /** The case of an item. */
    String caseOf(String itemCode) {
        return caseNumbers.get(itemCode);
    }

    /**
     * The references a case of this item gets for those of {@code materials} it needs: what was handed in and
     * found usable, or the case that will produce it; nothing for a material neither handed in nor produced.
     */
    List<CaseMaterial> materialsOf(
            String itemCode,
            List<Requirement> materials,
            Map<String, Provision> provisions,
            List<MaterialState> states) {
        List<CaseMaterial> references = new ArrayList<>();
        for (Requirement requirement : materials) {
            requirement.needs().stream()
                    .filter(n -> n.itemCode().equals(itemCode))
                    .findFirst()
                    .flatMap(need -> reference(requirement, need, provisions.get(requirement.code()), states))
                    .ifPresent(references::add);
        }
        return references;
    }

    /**
     * Adds the references of materials handed in after acceptance to the cases needing them.
     *
     * @param cases the application's cases, replaced by their updated selves
     * @return what each case got, for the cases that got anything
     */
    List<ApplicationEvent.MaterialsSupplied.CaseMaterials> supply(
            List<CaseTrack> cases,
            List<Requirement> supplied,
            Map<String, Provision> provisions,
            List<MaterialState> states) {
        List<ApplicationEvent.MaterialsSupplied.CaseMaterials> perCase = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseTrack c = cases.get(i);
            List<CaseMaterial> added = materialsOf(c.itemCode(), supplied, provisions, states);
            if (!added.isEmpty()) {
                List<CaseMaterial> all = new ArrayList<>(c.materials());
                all.addAll(added);
                cases.set(i, c.withMaterials(List.copyOf(all)));
                perCase.add(new ApplicationEvent.MaterialsSupplied.CaseMaterials(c.caseNumber(), List.copyOf(added)));
            }
        }
        return perCase;
    }

    private Optional<CaseMaterial> reference(
            Requirement requirement, Requirement.Need need, Provision provision, List<MaterialState> states) {
        MaterialState state = states.stream()
                .filter(s -> s.code().equals(requirement.code()))
                .findFirst()
                .orElse(null);
        if (provision != null && state != null && state.outcome() == Outcome.PROVIDED) {
            return Optional.of(
                    provision.documentId() != null
                            ? CaseMaterial.document(
                                    requirement.code(), provision.documentId().toString())
                            : CaseMaterial.certificate(
                                    requirement.code(), provision.certificate().number()));
        }
        String producer =
                provision != null && provision.producedBy() != null ? provision.producedBy() : need.producer();
        if (producer != null && caseNumbers.containsKey(producer)) {
            return Optional.of(CaseMaterial.producedBy(requirement.code(), caseNumbers.get(producer)));
        }
        return Optional.empty();
    }
}
