package org.runonce.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import org.runonce.gateway.Downstream;
import org.runonce.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per {@link Downstream}: the path is kept as is ({@code /api/catalog/items} goes to
 * {@code <catalog>/api/catalog/items}), headers including {@code Authorization} are relayed unchanged, and the call
 * runs inside the service's Resilience4j circuit breaker (instance named after the service, configured under
 * {@code resilience4j.circuitbreaker.instances}) with the service's connect and response timeouts. Failures surface
 * as 503 problems through {@link DownstreamFailureHandler}.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouteLocator downstreamRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Downstream downstream : Downstream.values()) {
            routes.route(
                    downstream.id(),
                    route -> route.path(downstream.paths().toArray(String[]::new))
                            // No fallback URI: a fallback would buffer every request body (document uploads) in memory.
                            .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName(downstream.id())))
                            .metadata(
                                    RESPONSE_TIMEOUT_ATTR,
                                    properties.responseTimeout(downstream).toMillis())
                            .metadata(
                                    CONNECT_TIMEOUT_ATTR,
                                    Math.toIntExact(properties.connectTimeout().toMillis()))
                            .uri(properties.services().uri(downstream)));
        }
        return routes.build();
    }
}
