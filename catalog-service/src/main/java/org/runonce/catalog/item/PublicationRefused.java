package org.runonce.catalog.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runonce.catalog.shared.Refusal;

/** A version cannot be published: lists every missing disclosure and every other violation at once. */
public class PublicationRefused extends Refusal {

    private final Set<Disclosure> missingDisclosures;
    private final List<Violation> violations;

    PublicationRefused(String itemCode, int version, Set<Disclosure> missingDisclosures, List<Violation> violations) {
        super(
                422,
                "publication-refused",
                "Service guide cannot be published",
                detail(itemCode, version, missingDisclosures, violations),
                properties(missingDisclosures, violations));
        this.missingDisclosures = Set.copyOf(missingDisclosures);
        this.violations = List.copyOf(violations);
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

    private static Map<String, Object> properties(Set<Disclosure> missing, List<Violation> violations) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("missingDisclosures", missing.stream().map(Enum::name).toList());
        properties.put("violations", violations);
        return properties;
    }
}
