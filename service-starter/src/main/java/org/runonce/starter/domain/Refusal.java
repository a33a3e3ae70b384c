package org.runonce.starter.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused for a reason the caller can act on. Domain code throws it without knowing of HTTP or Spring;
 * the starter renders it as an RFC 9457 problem whose {@code type} is {@code https://runonce.org/problems/<slug>},
 * with every extension member it carries:
 *
 * <pre>{@code
 * throw Refusal.conflict("application-incomplete", "Application incomplete", "3 required materials are missing")
 *         .with("missing", missingMaterials);
 * }</pre>
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();

    /**
     * @param status the HTTP status it is answered with (4xx)
     * @param slug the last part of the problem type URI, e.g. {@code application-incomplete}
     * @param title a short, stable summary of the kind of problem
     * @param detail what is wrong in this case, for the caller
     */
    public Refusal(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** 400: the request itself is malformed or breaks an invariant of what it describes. */
    public static Refusal invalid(String detail) {
        return new Refusal(400, "invalid-request", "Invalid request", detail);
    }

    /** 400 of a more specific kind. */
    public static Refusal badRequest(String slug, String title, String detail) {
        return new Refusal(400, slug, title, detail);
    }

    /** 403 with a reason the caller can act on. */
    public static Refusal forbidden(String slug, String title, String detail) {
        return new Refusal(403, slug, title, detail);
    }

    /** 404, also for things that exist but the caller may not know of. */
    public static Refusal notFound(String what, Object key) {
        return new Refusal(404, "not-found", "Not found", what + " " + key + " not found");
    }

    /** 409: not possible in the current state (e.g. an illegal transition). */
    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(409, slug, title, detail);
    }

    /** 422: well-formed, but breaks a rule of what it asks. */
    public static Refusal unprocessable(String slug, String title, String detail) {
        return new Refusal(422, slug, title, detail);
    }

    /** Adds an extension member to the problem, e.g. every missing disclosure at once. */
    public Refusal with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return super.getMessage();
    }

    /** The extension members, in the order they were added. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    @Override
    public String getMessage() {
        return title + ": " + detail();
    }
}
