package org.runonce.approval.cases;

import java.util.List;
import java.util.Set;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.Name;

/**
 * The procedure steps a case goes through after acceptance, pinned from its item version: usually REVIEW, DECIDE,
 * ISSUE. The decision step is DECIDE (or the last step before ISSUE); ISSUE, where there is one, is where an approved
 * case ends with its certificate.
 *
 * @param steps in order, without ACCEPT (done at the window)
 */
public record Procedure(List<Step> steps) {

    static final String ACCEPT = "ACCEPT";
    static final String DECIDE = "DECIDE";
    static final String ISSUE = "ISSUE";
    static final Set<String> SPECIAL_PROCEDURES = Set.of("SITE_INSPECTION", "EXPERT_REVIEW", "PUBLIC_NOTICE");

    /**
     * One step.
     *
     * @param code e.g. REVIEW
     * @param name its name, or null
     * @param specialProcedures SITE_INSPECTION, EXPERT_REVIEW, PUBLIC_NOTICE allowed in this step
     */
    public record Step(String code, Name name, List<String> specialProcedures) {
        public Step {
            specialProcedures = List.copyOf(specialProcedures);
        }
    }

    public Procedure {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a procedure has at least one step after acceptance");
        }
    }

    /** The item version's steps after acceptance. */
    static Procedure of(ItemVersionPublished version) {
        List<Step> steps = version.steps().stream()
                .filter(s -> !ACCEPT.equals(s.code()))
                .map(s -> new Step(s.code(), s.name(), s.specialProcedures()))
                .toList();
        return steps.isEmpty() ? standard() : new Procedure(steps);
    }

    /**
     * Review, decision, issue: for a case whose item version approval's catalog copy does not know (yet); its review
     * allows every special procedure.
     */
    static Procedure standard() {
        return new Procedure(List.of(
                new Step("REVIEW", new Name("审查", "Review"), List.copyOf(new java.util.TreeSet<>(SPECIAL_PROCEDURES))),
                new Step(DECIDE, new Name("决定", "Decision"), List.of()),
                new Step(ISSUE, new Name("制证送达", "Issuing"), List.of())));
    }

    /** Index of the step in which the case is decided. */
    int decisionIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (DECIDE.equals(steps.get(i).code())) {
                return i;
            }
        }
        int last = steps.size() - 1;
        return ISSUE.equals(steps.get(last).code()) && last > 0 ? last - 1 : last;
    }

    /** Index of the step an approved case ends in (ISSUE if there is one, else the decision step). */
    int finalIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (ISSUE.equals(steps.get(i).code())) {
                return i;
            }
        }
        return decisionIndex();
    }

    Step step(int index) {
        return steps.get(index);
    }
}
