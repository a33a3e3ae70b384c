package org.runonce.catalog.item;

import java.util.List;
import java.util.Set;
import org.runonce.starter.domain.Refusal;

/** A version cannot be published: lists every missing disclosure and every other violation at once. */
class PublicationRefused extends Refusal {

    private final Set<Disclosure> missingDisclosures;
    private final List<Violation> violations;

    PublicationRefused(String itemCode, int version, Set<Disclosure> missingDisclosures, List<Violation> violations) {
        super(
                422,
                "publication-refused",
                "Service guide cannot be published",
                detail(itemCode, version, missingDisclosures, violations));
        this.missingDisclosures = Set.copyOf(missingDisclosures);
        this.violations = List.copyOf(violations);
        with("missingDisclosures", missingDisclosures.stream().map(Enum::name).toList());
        with("violations", this.violations);
    }

    public Set<Disclosure> missingDisclosures() {
        return missingDisclosures;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String detail(String itemCode, int version, Set<Disclosure> missing, List<Violation> violations) {
        StringBuilder detail = new StringBuilder("item " + itemCode + " version " + version + " cannot be published:");
        if (!missing.isEmpty()) {
            detail.append(" missing disclosures ").append(missing).append(';');
        }
        if (!violations.isEmpty()) {
            detail.append(" ").append(violations.size()).append(" other violation(s)");
        }
        return detail.toString();
    }
}
