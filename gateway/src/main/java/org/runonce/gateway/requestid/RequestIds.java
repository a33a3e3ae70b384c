package org.runonce.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The {@code X-Request-Id} correlation id: its header, where the gateway keeps it, and which values it accepts. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    // A caller's id is kept only if it is short and safe to log and to pass on; anything else is replaced.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** The request id of an exchange that passed the {@link RequestIdFilter}, or null before it. */
    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** The caller's id if it is acceptable, otherwise a new random UUID. */
    static String acceptOrGenerate(@Nullable String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }
}
