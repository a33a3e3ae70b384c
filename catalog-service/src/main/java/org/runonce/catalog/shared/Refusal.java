package org.runonce.catalog.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the catalog refuses for a reason the caller can act on; rendered as an RFC 9457 problem whose
 * {@code type} is {@code https://runonce.org/problems/<slug>} and whose properties carry the details (for
 * example every missing disclosure at once).
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public Refusal(int status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Refusal(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    /** 404: nothing of that kind under that key. */
    public static Refusal notFound(String what, Object key) {
        return new Refusal(404, "not-found", "Not found", what + " " + key + " does not exist");
    }

    /** 409: the request conflicts with the current state (e.g. an illegal transition). */
    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(409, slug, title, detail);
    }

    /** 400: the request itself is malformed or breaks an invariant of what it describes. */
    public static Refusal invalid(String detail) {
        return new Refusal(400, "invalid-request", "Invalid request", detail);
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

    public Map<String, Object> properties() {
        return properties;
    }
}
