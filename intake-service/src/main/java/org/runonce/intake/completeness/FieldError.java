package org.runonce.intake.completeness;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import org.runonce.starter.domain.Refusal;

/**
 * One invalid input value, as the starter's {@code validation-failed} problems list them.
 *
 * @param field path of the value in the request, e.g. {@code form.companyName} or {@code materials[2].documentId}
 * @param message what is wrong with it
 * @param pointer the value's JSON Pointer (RFC 6901) in the request body, e.g. {@code /form/companyName}; given for
 *     form fields
 * @param code stable code of the rule broken, e.g. {@code REQUIRED}, {@code TOO_LONG}; given for form fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, String pointer, String code) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    /** 400 {@code validation-failed} listing every invalid field at once. */
    public static Refusal invalid(List<FieldError> errors) {
        return refusal(
                new Refusal(
                        400,
                        "validation-failed",
                        "Validation failed",
                        errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid."),
                errors);
    }

    /** A refusal listing every invalid field at once, sorted by field. */
    public static Refusal refusal(Refusal refusal, List<FieldError> errors) {
        return refusal.with(
                "errors",
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }
}
