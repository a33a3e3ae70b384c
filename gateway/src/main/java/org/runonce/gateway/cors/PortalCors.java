package org.runonce.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.runonce.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the portals' origins ({@code runonce.gateway.portal-origins}). Applied by the security chain, before
 * authentication, so preflights need no token and requests from other origins are refused with 403.
 */
@Configuration(proxyBeanMethods = false)
class PortalCors {

    static final List<String> ALLOWED_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE,
            "Idempotency-Key",
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            "X-Request-Id",
            // the secret an anonymous complainant or inquirer follows their complaint or inquiry with
            "X-Access-Code",
            // W3C trace context of a portal instrumented with OpenTelemetry: its trace continues through the platform
            "traceparent",
            "tracestate");

    static final List<String> EXPOSED_HEADERS = List.of(
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            "X-Request-Id",
            HttpHeaders.RETRY_AFTER,
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining");

    @Bean
    CorsConfigurationSource portalCorsSource(GatewayProperties properties) {
        CorsConfiguration portals = new CorsConfiguration();
        portals.setAllowedOrigins(properties.portalOrigins());
        portals.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        portals.setAllowedHeaders(ALLOWED_HEADERS);
        portals.setExposedHeaders(EXPOSED_HEADERS);
        // Tokens travel in the Authorization header, never in cookies.
        portals.setAllowCredentials(false);
        portals.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", portals);
        return source;
    }
}
