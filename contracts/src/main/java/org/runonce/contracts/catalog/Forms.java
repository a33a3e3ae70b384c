package org.runonce.contracts.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one rule, shared by the catalog (which serves a bundle's form to portals) and intake (which validates a bundle
 * application against it), for joining the forms of several item versions into the one form an applicant fills in.
 *
 * <ul>
 *   <li>A field name means the same datum in every item's form (one {@code companyName}, one {@code employeeCount}):
 *       the applicant enters it once. When the items define it identically the definition is kept; otherwise it
 *       becomes {@code allOf} of the definitions, so the value must satisfy every department's constraints, with the
 *       first item's title and the first prefill given.
 *   <li>A field is required when any item requires it; fields no item asks for are refused.
 *   <li>Who may apply is the intersection of the items' {@code x-applicant-types}.
 *   <li>Every field says which items ask for it in {@code x-asked-by}, in bundle order; {@code x-order} shows the
 *       first item's fields first, then each later item's new ones.
 * </ul>
 *
 * <p>Forms are plain JSON values ({@code Map}, {@code List}, strings, numbers, booleans), as Jackson reads them.
 */
public final class Forms {

    /** The JSON Schema dialect every form declares. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Who may apply when a form does not say. */
    public static final List<String> APPLICANT_TYPES = List.of("NATURAL_PERSON", "LEGAL_ENTITY");

    private Forms() {}

    /** The form of a version published before forms moved to the catalog: no fields. */
    public static Map<String, Object> empty() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("$schema", DIALECT);
        form.put("type", "object");
        form.put("properties", Map.of());
        form.put("required", List.of());
        form.put("additionalProperties", false);
        return form;
    }

    /**
     * The union of the forms of {@code items} (item code to its version's form, in bundle order; a null form has no
     * fields), titled {@code title} (may be null).
     */
    public static Map<String, Object> union(Map<String, Map<String, Object>> items, Name title) {
        Map<String, List<Map<String, Object>>> definitions = new LinkedHashMap<>();
        Map<String, List<String>> askedBy = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Set<String> order = new LinkedHashSet<>();
        Set<String> applicantTypes = new LinkedHashSet<>(APPLICANT_TYPES);
        for (Map.Entry<String, Map<String, Object>> item : items.entrySet()) {
            Map<String, Object> form = item.getValue() == null ? empty() : item.getValue();
            for (Map.Entry<String, Object> field : properties(form).entrySet()) {
                definitions
                        .computeIfAbsent(field.getKey(), k -> new ArrayList<>())
                        .add(object(field.getValue()));
                askedBy.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(item.getKey());
            }
            order.addAll(order(form));
            required.addAll(strings(form.get("required")));
            applicantTypes.retainAll(applicantTypes(form));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        definitions.forEach((name, defs) -> properties.put(name, merged(defs, askedBy.get(name))));
        Map<String, Object> union = new LinkedHashMap<>();
        union.put("$schema", DIALECT);
        union.put("type", "object");
        if (title != null) {
            union.put("title", title.zh());
            union.put("x-title", Map.of("zh", title.zh(), "en", title.en()));
        }
        union.put("x-applicant-types", List.copyOf(applicantTypes));
        union.put("properties", properties);
        union.put("required", List.copyOf(required));
        union.put("x-order", List.copyOf(order));
        union.put("additionalProperties", false);
        return union;
    }

    /** Who may apply with this form: its {@code x-applicant-types}, or anyone. */
    public static List<String> applicantTypes(Map<String, Object> form) {
        List<String> types = form == null ? List.of() : strings(form.get("x-applicant-types"));
        return types.isEmpty() ? APPLICANT_TYPES : types;
    }

    /** The order in which the form's fields are shown: its {@code x-order}, then any field it does not name. */
    public static List<String> order(Map<String, Object> form) {
        Set<String> order = new LinkedHashSet<>(form == null ? List.of() : strings(form.get("x-order")));
        order.retainAll(properties(form).keySet());
        order.addAll(properties(form).keySet());
        return List.copyOf(order);
    }

    /** The form's fields, name to definition. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> form) {
        Object properties = form == null ? null : form.get("properties");
        return properties instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> merged(List<Map<String, Object>> definitions, List<String> askedBy) {
        Map<String, Object> first = definitions.getFirst();
        Map<String, Object> field = new LinkedHashMap<>();
        if (definitions.stream().allMatch(d -> Objects.equals(d, first))) {
            field.putAll(first);
        } else {
            if (definitions.stream().allMatch(d -> Objects.equals(d.get("type"), first.get("type")))) {
                field.put("type", first.get("type"));
            }
            for (String annotation : List.of("title", "x-title", "description")) {
                if (first.containsKey(annotation)) {
                    field.put(annotation, first.get(annotation));
                }
            }
            definitions.stream()
                    .map(d -> d.get("x-prefill"))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(prefill -> field.put("x-prefill", prefill));
            field.put("allOf", List.copyOf(definitions));
        }
        field.put("x-asked-by", List.copyOf(askedBy));
        return field;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }
}
