package org.runonce.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.Map;
import org.runonce.gateway.problem.Problem;
import org.runonce.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the {@link RateLimiter} to every routed request, per client ({@link KeyResolver}), before the circuit
 * breaker so that refused requests never reach a service. Over the limit: 429 problem with {@code Retry-After}.
 * (Spring Cloud Gateway's RequestRateLimiter filter answers with an empty body, hence this filter.)
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = -10;

    private final RateLimiter<?> limiter;
    private final KeyResolver clients;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimiter<?> limiter, KeyResolver clients, ProblemResponses problems) {
        this.limiter = limiter;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "unrouted" : route.getId();
        return clients.resolve(exchange)
                .flatMap(client -> limiter.isAllowed(routeId, client))
                .flatMap(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    decision.getHeaders().forEach((name, value) -> {
                        if (!HttpHeaders.RETRY_AFTER.equalsIgnoreCase(name)) {
                            headers.set(name, value);
                        }
                    });
                    return decision.isAllowed() ? chain.filter(exchange) : tooManyRequests(exchange, decision);
                });
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimiter.Response decision) {
        String retryAfter = retryAfter(decision.getHeaders());
        Problem problem = Problem.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-requests",
                        "Too many requests",
                        "This client sent more requests than its rate limit allows; retry after " + retryAfter + " s.")
                .with("retryAfterSeconds", Long.parseLong(retryAfter))
                .withHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        return problems.write(exchange, problem);
    }

    private static String retryAfter(Map<String, String> headers) {
        return headers.entrySet().stream()
                .filter(header -> HttpHeaders.RETRY_AFTER.equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .filter(value -> value.matches("\\d{1,6}"))
                .findFirst()
                .orElse("1");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
