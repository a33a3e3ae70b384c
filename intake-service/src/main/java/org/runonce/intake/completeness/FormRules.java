package org.runonce.intake.completeness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runonce.contracts.catalog.Name;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form fields each item needs ({@code forms/forms.json}) and which applicant types may apply: a submission's form
 * is checked against the union of its items' fields, every invalid or unknown field reported at once.
 */
@Component
public class FormRules {

    /** {@code forms/forms.json}. */
    record Definition(Map<String, ItemForm> items) {}

    /**
     * @param applicantTypes who may apply; empty for anyone
     * @param fields the fields
     */
    record ItemForm(List<String> applicantTypes, List<Field> fields) {}

    /**
     * @param name the key in the form
     * @param type TEXT, INTEGER, DECIMAL, DATE, ENUM, BOOLEAN or ID_NUMBER
     * @param required whether it must be given
     * @param label its name on screens
     * @param minLength for TEXT
     * @param maxLength for TEXT
     * @param min for INTEGER and DECIMAL
     * @param max for INTEGER and DECIMAL
     * @param values for ENUM
     * @param notFuture for DATE
     */
    record Field(
            String name,
            String type,
            Boolean required,
            Name label,
            Integer minLength,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            List<String> values,
            Boolean notFuture) {

        boolean mandatory() {
            return Boolean.TRUE.equals(required);
        }
    }

    private final Map<String, ItemForm> items;

    FormRules(JsonMapper json) {
        try (InputStream in = new ClassPathResource("forms/forms.json").getInputStream()) {
            this.items = Map.copyOf(json.readValue(in, Definition.class).items());
        } catch (IOException e) {
            throw new UncheckedIOException("forms/forms.json cannot be read", e);
        }
    }

    /** The applicant types every one of the items accepts. */
    public Set<String> applicantTypes(List<String> itemCodes) {
        Set<String> allowed = new LinkedHashSet<>(List.of("NATURAL_PERSON", "LEGAL_ENTITY"));
        for (String code : itemCodes) {
            ItemForm form = items.get(code);
            if (form != null
                    && form.applicantTypes() != null
                    && !form.applicantTypes().isEmpty()) {
                allowed.retainAll(form.applicantTypes());
            }
        }
        return allowed;
    }

    /** Every problem of the form, with paths {@code form.<field>}. */
    public List<FieldError> validate(List<String> itemCodes, Map<String, Object> form, LocalDate today) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String code : itemCodes) {
            ItemForm itemForm = items.get(code);
            if (itemForm == null) {
                continue;
            }
            for (Field field : itemForm.fields()) {
                fields.merge(field.name(), field, (a, b) -> a.mandatory() || !b.mandatory() ? a : b);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> given = form == null ? Map.of() : form;
        for (Field field : fields.values()) {
            Object value = given.get(field.name());
            String path = "form." + field.name();
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (field.mandatory()) {
                    errors.add(new FieldError(path, "is required"));
                }
                continue;
            }
            String problem = problem(field, value, today);
            if (problem != null) {
                errors.add(new FieldError(path, problem));
            }
        }
        for (String name : given.keySet()) {
            if (!fields.containsKey(name)) {
                errors.add(new FieldError("form." + name, "is not a field of " + String.join(", ", itemCodes)));
            }
        }
        return errors;
    }

    private static String problem(Field field, Object value, LocalDate today) {
        return switch (field.type()) {
            case "TEXT" -> {
                if (!(value instanceof String text)) {
                    yield "must be text";
                }
                int length = text.strip().length();
                if (field.minLength() != null && length < field.minLength()) {
                    yield "must have at least " + field.minLength() + " characters";
                }
                if (field.maxLength() != null && length > field.maxLength()) {
                    yield "must have at most " + field.maxLength() + " characters";
                }
                yield null;
            }
            case "INTEGER", "DECIMAL" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    yield "must be a number";
                }
                if (field.type().equals("INTEGER")
                        && number.stripTrailingZeros().scale() > 0) {
                    yield "must be a whole number";
                }
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    yield "must be at least " + field.min().toPlainString();
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    yield "must be at most " + field.max().toPlainString();
                }
                yield null;
            }
            case "DATE" -> {
                try {
                    LocalDate date = LocalDate.parse(value.toString());
                    yield Boolean.TRUE.equals(field.notFuture()) && date.isAfter(today)
                            ? "must not be in the future"
                            : null;
                } catch (DateTimeParseException e) {
                    yield "must be a date (YYYY-MM-DD)";
                }
            }
            case "ENUM" -> field.values().contains(value.toString()) ? null : "must be one of " + field.values();
            case "BOOLEAN" -> value instanceof Boolean ? null : "must be true or false";
            case "ID_NUMBER" ->
                IdentityNumbers.isResidentId(value.toString().toUpperCase(java.util.Locale.ROOT))
                        ? null
                        : "is not a valid resident identity number";
            default -> null;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }
}
