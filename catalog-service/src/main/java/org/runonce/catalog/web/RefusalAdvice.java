package org.runonce.catalog.web;

import org.runonce.catalog.shared.Refusal;
import org.runonce.starter.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders the catalog's refusals as RFC 9457 problems with every detail the refusal carries. Domain code throws
 * {@link Refusal} (no Spring in the domain); this is the starter's {@code ProblemException} at the edge.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        return problem(refusal);
    }

    /** A request body breaking an invariant of a domain value (e.g. an optional key material) says which. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return problem(refusal);
            }
        }
        return problem(new Refusal(
                400,
                "malformed-request",
                "Malformed request",
                "the request body is not valid JSON of the expected shape"));
    }

    static ResponseEntity<ProblemDetail> problem(Refusal refusal) {
        // the starter's builder: same type URIs as every other service, plus the request id
        ProblemDetail problem = Problems.of(
                HttpStatusCode.valueOf(refusal.status()), refusal.slug(), refusal.title(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        return ResponseEntity.status(refusal.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
