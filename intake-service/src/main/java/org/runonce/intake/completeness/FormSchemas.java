package org.runonce.intake.completeness;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.PathType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.runonce.contracts.catalog.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an application's form against the forms of the item versions it is pinned to, as the catalog published them
 * (JSON Schema 2020-12, contracts' {@code schemas/catalog/form.schema.json}); a bundle's form is their {@link
 * Forms#union union}. Every violation is reported at once, each with the field's JSON Pointer and a stable code.
 */
public final class FormSchemas {

    private static final String TODAY = "runonce.today";

    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .format(new PastDate())
            .format(new Checked("resident-id", IdentityNumbers::isResidentId))
            .format(new Checked("credit-code", IdentityNumbers::isCreditCode))
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(
            DIALECT,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ENGLISH)
                    .build()));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Compiled schemas of the forms seen lately: published forms never change, so they are compiled once. */
    private static final Map<JsonNode, Schema> COMPILED =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<JsonNode, Schema> eldest) {
                    return size() > 256;
                }
            });

    private FormSchemas() {}

    /** The one form of an application for these items: item code to the form of its pinned version, in order. */
    public static Map<String, Object> formOf(Map<String, Map<String, Object>> pinnedForms) {
        return Forms.union(pinnedForms, null);
    }

    /** Who may apply for all these items at once. */
    public static Set<String> applicantTypes(Map<String, Object> form) {
        return new LinkedHashSet<>(Forms.applicantTypes(form));
    }

    /** Every problem of {@code given} against {@code form}, with paths {@code form.<field>}, on {@code today}. */
    public static List<FieldError> validate(Map<String, Object> form, Map<String, Object> given, LocalDate today) {
        Schema schema = COMPILED.computeIfAbsent(JSON.valueToTree(form), REGISTRY::getSchema);
        JsonNode instance = JSON.valueToTree(given == null ? Map.of() : given);
        Consumer<ExecutionContext> withToday =
                context -> context.getCollectorContext().put(TODAY, today);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        for (Error error : schema.validate(instance, withToday)) {
            FieldError fieldError = fieldError(error, form, instance);
            errors.putIfAbsent(fieldError.pointer() + " " + fieldError.code(), fieldError);
        }
        return new ArrayList<>(errors.values());
    }

    /**
     * The fields the form marks as the applicant's name ({@code "x-prefill": {"applicant": "name"}}, e.g. a legal
     * representative's or an operator's name) checked as {@link LegalName legal names} of {@code kind}: the refusals
     * (code {@code INVALID_NAME}) go into {@code errors}, and the answer is {@code given} with those names normalised.
     */
    public static Map<String, Object> names(
            Map<String, Object> form, Map<String, Object> given, LegalName.Kind kind, List<FieldError> errors) {
        if (given == null) {
            return null;
        }
        Map<String, Object> normalised = new LinkedHashMap<>(given);
        Forms.properties(form).forEach((field, definition) -> {
            if (definition instanceof Map<?, ?> map
                    && map.get("x-prefill") instanceof Map<?, ?> prefill
                    && "name".equals(prefill.get("applicant"))
                    && given.get(field) instanceof String value) {
                LegalName.Checked checked = LegalName.check(value, kind);
                if (checked.accepted()) {
                    normalised.put(field, checked.value());
                } else {
                    errors.add(new FieldError("form." + field, checked.problem(), "/form/" + field, LegalName.CODE));
                }
            }
        });
        return normalised;
    }

    private static FieldError fieldError(Error error, Map<String, Object> form, JsonNode instance) {
        String location = error.getInstanceLocation().toString();
        String keyword = error.getKeyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && error.getProperty() != null) {
            location = location + "/" + error.getProperty();
        }
        String field =
                location.isEmpty() ? "form" : "form." + location.substring(1).replace('/', '.');
        JsonNode value = location.isEmpty() ? instance : instance.at(location);
        String code = code(keyword, value, formatOf(form, location));
        return new FieldError(field, message(code, error), "/form" + location, code);
    }

    private static String code(String keyword, JsonNode value, String format) {
        return switch (keyword == null ? "" : keyword) {
            case "required" -> "REQUIRED";
            case "additionalProperties" -> "UNKNOWN_FIELD";
            case "type" -> "WRONG_TYPE";
            case "minLength" -> "TOO_SHORT";
            case "maxLength" -> "TOO_LONG";
            case "minimum", "exclusiveMinimum" -> "TOO_SMALL";
            case "maximum", "exclusiveMaximum" -> "TOO_LARGE";
            case "multipleOf" -> "NOT_A_MULTIPLE";
            case "enum" -> "NOT_ONE_OF_THE_VALUES";
            case "const" -> "NOT_THE_EXPECTED_VALUE";
            case "pattern" -> "PATTERN_MISMATCH";
            case "format" -> formatCode(format, value);
            default ->
                keyword == null
                        ? "INVALID"
                        : keyword.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        };
    }

    /** The format of the form's field at {@code location} ({@code /name}), also when merged with {@code allOf}. */
    @SuppressWarnings("unchecked")
    private static String formatOf(Map<String, Object> form, String location) {
        if (location.length() < 2) {
            return "";
        }
        Object field = Forms.properties(form).get(location.substring(1));
        if (!(field instanceof Map<?, ?> definition)) {
            return "";
        }
        if (definition.get("format") instanceof String format) {
            return format;
        }
        if (definition.get("allOf") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && map.get("format") instanceof String format) {
                    return format;
                }
            }
        }
        return "";
    }

    private static String formatCode(String format, JsonNode value) {
        return switch (format) {
            case "date" -> "INVALID_DATE";
            case "past-date" -> PastDate.parse(value.asString()) == null ? "INVALID_DATE" : "DATE_IN_FUTURE";
            case "resident-id" -> "INVALID_RESIDENT_ID";
            case "credit-code" -> "INVALID_CREDIT_CODE";
            case "email" -> "INVALID_EMAIL";
            default -> "INVALID_FORMAT";
        };
    }

    private static String message(String code, Error error) {
        return switch (code) {
            case "REQUIRED" -> "is required";
            case "UNKNOWN_FIELD" -> "is not a field of the form";
            case "INVALID_DATE" -> "must be a date (YYYY-MM-DD)";
            case "DATE_IN_FUTURE" -> "must not be in the future";
            case "INVALID_RESIDENT_ID" -> "is not a valid resident identity number";
            case "INVALID_CREDIT_CODE" -> "is not a valid unified social credit code";
            default -> strippedOfLocation(error.getMessage());
        };
    }

    /** networknt prefixes its messages with the instance location; the field is named apart. */
    private static String strippedOfLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") || colon >= 0 && message.startsWith(": ")
                ? message.substring(colon + 2)
                : message;
    }

    /** {@code past-date}: an ISO date not after the day of submission. */
    private static final class PastDate implements Format {

        @Override
        public String getName() {
            return "past-date";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            LocalDate date = parse(value);
            LocalDate today = context.getCollectorContext().get(TODAY);
            return date != null && (today == null || !date.isAfter(today));
        }

        static LocalDate parse(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException | NullPointerException e) {
                return null;
            }
        }
    }

    /** A format checked by a predicate on the upper-cased value. */
    private record Checked(String getName, java.util.function.Predicate<String> valid) implements Format {

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return valid.test(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
