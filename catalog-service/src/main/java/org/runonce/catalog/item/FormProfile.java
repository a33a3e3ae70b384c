package org.runonce.catalog.item;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.runonce.contracts.catalog.Forms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a version's form is one intake can check and a portal can render: a JSON Schema 2020-12 following the
 * contracts' form profile ({@code schemas/catalog/form.schema.json}), every required field one of its fields.
 */
final class FormProfile {

    private static final String SCHEMAS = "https://runonce.org/schemas/";

    private static final Schema PROFILE = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .pathType(PathType.JSON_POINTER)
                                    .locale(Locale.ENGLISH)
                                    .build())
                            .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMAS, "classpath:schemas/")))
            .getSchema(SchemaLocation.of(SCHEMAS + "catalog/form.schema.json"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FormProfile() {}

    /**
     * The form with its field order kept in {@code x-order} and every object's members sorted by name: the stored
     * content (PostgreSQL's jsonb keeps no member order) and the request it came from serialize to the same bytes,
     * so ETags agree.
     */
    static Map<String, Object> canonical(Map<String, Object> form) {
        if (form == null) {
            return null;
        }
        Map<String, Object> ordered = new LinkedHashMap<>(form);
        if (!Forms.properties(form).isEmpty()) {
            ordered.put("x-order", Forms.order(form));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sorted = (Map<String, Object>) sorted(ordered);
        return sorted;
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
            return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FormProfile::sorted).toList();
        }
        return value;
    }

    /** Every reason the form cannot be published, as violations of field {@code form...}. */
    static List<Violation> violations(Map<String, Object> form) {
        if (form == null) {
            return List.of(new Violation(
                    "form", "REQUIRED", "the application form is required (a form without fields has no properties)"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : PROFILE.validate(JSON.writeValueAsString(form), InputFormat.JSON)) {
            violations.add(
                    new Violation("form" + error.getInstanceLocation(), "FORM_NOT_IN_PROFILE", error.getMessage()));
        }
        Object required = form.get("required");
        if (required instanceof List<?> names) {
            for (Object name : names) {
                if (!Forms.properties(form).containsKey(String.valueOf(name))) {
                    violations.add(new Violation(
                            "form.required",
                            "FORM_REQUIRES_UNKNOWN_FIELD",
                            "required field " + name + " is not among the form's properties"));
                }
            }
        }
        return violations;
    }
}
