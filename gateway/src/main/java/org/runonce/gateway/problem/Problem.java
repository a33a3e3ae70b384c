package org.runonce.gateway.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem the gateway answers itself, with a stable {@code type} URI, extension members and the
 * response headers that go with it (for example {@code Retry-After}).
 */
public record Problem(
        HttpStatusCode status,
        String slug,
        String title,
        String detail,
        Map<String, Object> properties,
        HttpHeaders headers) {

    /** Base of every problem type URI of the platform. */
    public static final String TYPE_BASE = "https://runonce.org/problems/";

    public Problem {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        headers = HttpHeaders.readOnlyHttpHeaders(copy);
    }

    public static Problem of(HttpStatusCode status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, Map.of(), new HttpHeaders());
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public Problem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new Problem(status, slug, title, detail, more, headers);
    }

    public Problem withHeader(String name, String value) {
        HttpHeaders more = new HttpHeaders();
        more.addAll(headers);
        more.add(name, value);
        return new Problem(status, slug, title, detail, properties, more);
    }
}
