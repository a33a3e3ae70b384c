package org.runonce.gateway;

import java.util.List;
import java.util.Locale;

/**
 * The services behind the gateway. The id names the route, the Resilience4j circuit breaker instance and the
 * {@code runonce.gateway.services.<id>} property; the paths are the public paths routed to the service unchanged.
 */
public enum Downstream {
    CATALOG("/api/catalog/**"),
    INTAKE("/api/intake/**"),
    APPROVAL("/api/approval/**"),
    NOTIFICATION("/api/notifications/**");

    private final List<String> paths;

    Downstream(String... paths) {
        this.paths = List.of(paths);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> paths() {
        return paths;
    }
}
