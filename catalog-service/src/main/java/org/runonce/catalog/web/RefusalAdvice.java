package org.runonce.catalog.web;

import java.net.URI;
import org.runonce.catalog.shared.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders the catalog's refusals as RFC 9457 problems, with every detail the refusal carries. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    static final String TYPE_PREFIX = "https://runonce.org/problems/";

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
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refusal.status()), refusal.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + refusal.slug()));
        problem.setTitle(refusal.title());
        refusal.properties().forEach(problem::setProperty);
        return ResponseEntity.status(refusal.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
