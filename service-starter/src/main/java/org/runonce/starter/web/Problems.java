package org.runonce.starter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.support.WebApplicationContextUtils;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problems with RunOnce's stable type URIs, {@code https://runonce.org/problems/<slug>}. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://runonce.org/problems/";

    private Problems() {}

    /** The type URI of a slug, e.g. {@code validation-failed}. */
    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** The slug of a status without a more specific one: {@code 404 -> not-found}. */
    public static String slug(HttpStatusCode status) {
        var known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A problem typed by its status, e.g. {@code https://runonce.org/problems/forbidden}. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, slug(status), null, detail);
    }

    /** A problem of a given type; the title defaults to the status' reason phrase. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        if (title != null) {
            problem.setTitle(title);
        }
        return withRequestId(problem);
    }

    /** Adds the current request id (see {@link RequestIdFilter}) so a caller can quote it to support. */
    static ProblemDetail withRequestId(ProblemDetail problem) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** The JSON members of a problem, for writers outside Spring MVC (e.g. security filters). */
    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /**
     * Answers a problem from a servlet filter (outside Spring MVC), with the request's path as its instance, in the
     * caller's language (see {@link ProblemMessages}).
     */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, JsonMapper json)
            throws IOException {
        localise(request, response, problem);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The one localisation step of every problem answered: title, detail and field errors, and Content-Language. */
    static void localise(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) {
        ProblemMessages messages = messages(request);
        Locale locale = messages.locale(request);
        messages.localise(problem, locale);
        if (problem.getProperties() != null
                && problem.getProperties().get("errors") instanceof List<?> errors
                && !errors.isEmpty()
                && errors.stream().allMatch(ProblemDetailsAdvice.FieldProblem.class::isInstance)) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(ProblemDetailsAdvice.FieldProblem.class::cast)
                            .map(e -> e.withMessage(messages.fieldMessage(e.code(), e.message(), locale)))
                            .toList());
        }
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
    }

    private static ProblemMessages messages(HttpServletRequest request) {
        var context = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
        ProblemMessages messages = context == null
                ? null
                : context.getBeanProvider(ProblemMessages.class).getIfAvailable();
        return messages != null ? messages : Standalone.MESSAGES;
    }

    private static final class Standalone {
        static final ProblemMessages MESSAGES = ProblemMessages.standalone();
    }
}
