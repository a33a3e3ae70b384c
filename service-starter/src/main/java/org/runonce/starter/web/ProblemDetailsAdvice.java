package org.runonce.starter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.runonce.starter.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answered by Spring MVC becomes an RFC 9457 problem with a RunOnce type URI: Spring's own exceptions
 * (typed by status: {@code not-found}, {@code method-not-allowed}, ...), invalid input ({@code validation-failed}
 * with {@code errors: [{field, message}]} for EVERY invalid field, {@code malformed-request},
 * {@code type-mismatch}), each field error with a stable {@code code}, {@link Refusal}s thrown by domain code (also from inside a request body's constructor),
 * and anything unexpected
 * ({@code internal-error}, logged, never with a stack trace in the body).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /**
     * One invalid input value: which, why in the caller's language, and a stable machine-readable {@code code} of the
     * rule it breaks (from the Bean Validation constraint: {@code @NotBlank -> REQUIRED}, {@code @Size -> SIZE},
     * {@code @Pattern -> PATTERN}, ...; see {@link #code(String)}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, String message, String code) {

        /** A field error without a code (as before codes were given). */
        public FieldProblem(String field, String message) {
            this(field, message, null);
        }

        FieldProblem withMessage(String localised) {
            return new FieldProblem(field, localised, code);
        }
    }

    /**
     * PostgreSQL data exceptions caused by a value: character not in repertoire (NUL), untranslatable character,
     * string too long, invalid text representation, numeric out of range, invalid datetime format, datetime overflow.
     */
    private static final Set<String> INVALID_VALUE_STATES =
            Set.of("22021", "22P05", "22001", "22P02", "22003", "22007", "22008");

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("NotBlank", "REQUIRED"),
            Map.entry("NotNull", "REQUIRED"),
            Map.entry("NotEmpty", "REQUIRED"),
            Map.entry("typeMismatch", "TYPE_MISMATCH"),
            Map.entry("Size", "SIZE"),
            Map.entry("Length", "SIZE"),
            Map.entry("Pattern", "PATTERN"),
            Map.entry("Email", "EMAIL"),
            Map.entry("Min", "MIN"),
            Map.entry("DecimalMin", "MIN"),
            Map.entry("Max", "MAX"),
            Map.entry("DecimalMax", "MAX"));

    /**
     * The stable code of a constraint (its annotation's simple name or Spring's error code): the common ones as listed
     * in {@code CODES}, any other in upper snake case ({@code PastOrPresent -> PAST_OR_PRESENT}).
     */
    public static String code(String constraint) {
        if (constraint == null || constraint.isBlank()) {
            return "INVALID";
        }
        String known = CODES.get(constraint);
        return known != null
                ? known
                : constraint.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(field(e)));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(
                        e -> errors.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage(), code(e.getCode()))));
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(e -> errors.add(field(e)));
            } else {
                String parameter = result.getMethodParameter().getParameterName();
                result.getResolvableErrors()
                        .forEach(e -> errors.add(new FieldProblem(parameter, e.getDefaultMessage(), code(codeOf(e)))));
            }
        }
        return validationFailed(errors);
    }

    /** Constraint violations of {@code @Validated} beans called with the caller's input. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return validationFailed(ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(
                        v.getPropertyPath().toString(),
                        v.getMessage(),
                        code(v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a request body breaking an invariant of a domain value (a record's constructor refused it) says which
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal(refusal);
            }
        }
        // the parser's message may echo internals; say what is wrong, not how the parser saw it
        return problem(Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The request body is missing, is not valid JSON, or has a value of the wrong type."));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String required = ex.getRequiredType() == null
                ? "another type"
                : ex.getRequiredType().getSimpleName();
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "type-mismatch",
                "Type mismatch",
                "'%s' must be a %s.".formatted(ex.getPropertyName(), required));
        if (ex.getPropertyName() != null) {
            problem.setProperty("parameter", ex.getPropertyName()); // for the detail in other languages
        }
        return problem(problem);
    }

    /** A refusal of domain code: its status, type, title, detail and every member it carries. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal refusal) {
        var problem = Problems.of(
                HttpStatusCode.valueOf(refusal.status()), refusal.slug(), refusal.title(), refusal.detail());
        refusal.members().forEach(problem::setProperty);
        return problem(problem);
    }

    /** Spring Security decides these (401/403 problems): let them through to its filters. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException ex) {
        throw ex;
    }

    /**
     * Every database connection stayed taken for the pool's whole timeout: the service is overloaded, not broken, so
     * a 503 the caller may retry rather than a 500.
     */
    @ExceptionHandler(CannotGetJdbcConnectionException.class)
    ResponseEntity<Object> busy(CannotGetJdbcConnectionException ex) {
        log.warn("No database connection in time, answered 503: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "busy",
                        "Busy",
                        "The service is too busy to answer now. Try again in a moment (with the same Idempotency-Key"
                                + " where the call takes one)."));
    }

    /**
     * A value PostgreSQL refuses as data (a NUL character, text too long for its column, a number or date out of
     * range, text that is not the number or UUID it is compared with): bad input, so a 400 and nothing changed (the
     * transaction rolled back), not a 500. Any other database failure stays unexpected.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> dataException(DataAccessException ex) {
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql
                && INVALID_VALUE_STATES.contains(sql.getSQLState())) {
            log.info("Refused a value the database does not take (SQLState {})", sql.getSQLState());
            return problem(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-value",
                    "Invalid value",
                    "A value of the request cannot be stored or compared: it holds a character the platform does not"
                            + " accept (such as NUL), is too long, or is out of range. Nothing was changed."));
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problem(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "Something went wrong on our side; quote the request id when you report it."));
    }

    /** Types Spring's own problems (about:blank) by their status and adds the request id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type(Problems.slug(status)));
            }
            Problems.withRequestId(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static FieldProblem field(FieldError error) {
        if (error.isBindingFailure()) {
            // Spring's own message names Java types ("Failed to convert value of type 'java.lang.String'...")
            return new FieldProblem(error.getField(), "must be " + expected(error), code("typeMismatch"));
        }
        return new FieldProblem(error.getField(), error.getDefaultMessage(), code(error.getCode()));
    }

    /** What a value that could not be converted should have been, in words a caller understands. */
    private static String expected(FieldError error) {
        Class<?> type = error.contains(TypeMismatchException.class)
                ? error.unwrap(TypeMismatchException.class).getRequiredType()
                : null;
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a time (ISO 8601, e.g. 2026-12-07T08:00:00Z)";
            case "UUID" -> "a UUID";
            default -> "a " + type.getSimpleName();
        };
    }

    /** The constraint's name of a resolvable error: its last, least specific code ({@code NotBlank}). */
    private static String codeOf(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    private static ResponseEntity<Object> validationFailed(List<FieldProblem> errors) {
        var sorted = errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "Validation failed",
                sorted.size() == 1 ? "1 field is invalid." : sorted.size() + " fields are invalid.");
        problem.setProperty("errors", sorted);
        return problem(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
