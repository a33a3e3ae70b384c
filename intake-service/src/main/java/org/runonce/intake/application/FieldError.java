package org.runonce.intake.application;

import java.util.Comparator;
import java.util.List;
import org.runonce.starter.web.ProblemException;
import org.springframework.http.HttpStatusCode;

/**
 * One invalid input value, as the starter's {@code validation-failed} problems list them.
 *
 * @param field path of the value in the request, e.g. {@code form.companyName} or {@code materials[2].documentId}
 * @param message what is wrong with it
 */
record FieldError(String field, String message) {

    /** A problem listing every invalid field at once. */
    static ProblemException problem(
            HttpStatusCode status, String slug, String title, String detail, List<FieldError> errors) {
        return new ProblemException(status, slug, title, detail)
                .with(
                        "errors",
                        errors.stream()
                                .sorted(Comparator.comparing(FieldError::field))
                                .toList());
    }
}
