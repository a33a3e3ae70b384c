package org.runonce.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway needs to know about its surroundings, bound from {@code runonce.gateway.*}.
 *
 * @param services base URI of each downstream service (scheme, host and port only: the request path is kept)
 * @param portalOrigins browser origins of the portals allowed by CORS
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param responseTimeout how long to wait for a service's response headers, unless overridden per service
 * @param responseTimeouts per-service overrides of {@code responseTimeout}, keyed by service id
 * @param rateLimit per-client request rate limit
 * @param maxBodySize largest request body (JSON, text) passed on; larger ones are answered 413 {@code body-too-large}
 * @param maxUploadSize largest multipart request (document uploads) passed on
 */
@Validated
@ConfigurationProperties("runonce.gateway")
public record GatewayProperties(
        @DefaultValue @Valid @NotNull Services services,

        @DefaultValue({"http://localhost:3000", "http://localhost:5173"}) @NotEmpty
        List<@NotBlank String> portalOrigins,

        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration responseTimeout,
        Map<Downstream, Duration> responseTimeouts,
        @DefaultValue @Valid @NotNull RateLimit rateLimit,
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("26MB") @NotNull DataSize maxUploadSize) {

    public GatewayProperties {
        responseTimeouts = responseTimeouts == null ? Map.of() : Map.copyOf(responseTimeouts);
        portalOrigins = List.copyOf(portalOrigins);
    }

    /** The response timeout that applies to one service. */
    public Duration responseTimeout(Downstream downstream) {
        return responseTimeouts.getOrDefault(downstream, responseTimeout);
    }

    @AssertTrue(message = "timeouts must be positive")
    boolean isEveryTimeoutPositive() {
        return connectTimeout.isPositive()
                && responseTimeout.isPositive()
                && responseTimeouts.values().stream().allMatch(Duration::isPositive);
    }

    /** Base URIs of the downstream services; defaults are the local run ports. */
    public record Services(
            @DefaultValue("http://localhost:8081") @NotNull URI catalog,
            @DefaultValue("http://localhost:8082") @NotNull URI intake,
            @DefaultValue("http://localhost:8083") @NotNull URI approval,
            @DefaultValue("http://localhost:8084") @NotNull URI notification) {

        private static final Set<String> SCHEMES = Set.of("http", "https");

        public URI uri(Downstream downstream) {
            return switch (downstream) {
                case CATALOG -> catalog;
                case INTAKE -> intake;
                case APPROVAL -> approval;
                case NOTIFICATION -> notification;
            };
        }

        // The gateway keeps the request path, so a path in the base URI would be silently ignored: refuse it.
        @AssertTrue(message = "service URIs must be http(s)://host[:port] without a path")
        boolean isEveryUriABaseUri() {
            return List.of(catalog, intake, approval, notification).stream()
                    .allMatch(uri -> uri != null
                            && uri.getScheme() != null
                            && SCHEMES.contains(uri.getScheme())
                            && uri.getHost() != null
                            && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                            && uri.getRawQuery() == null);
        }
    }

    /**
     * Token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}. Buckets idle
     * long enough to be full again are evicted; at most {@code maxClients} buckets are kept.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") @Positive double requestsPerSecond,
            @DefaultValue("40") @Positive int burst,
            @DefaultValue("100000") @Positive int maxClients) {}
}
