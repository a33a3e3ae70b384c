package org.runonce.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.runonce.gateway.Downstream;
import org.runonce.gateway.GatewayProperties;
import org.runonce.gateway.problem.Problem;
import org.runonce.gateway.problem.ProblemResponses;
import org.runonce.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns a failed call to a service into a 503 problem naming the service, with {@code Retry-After}: the service
 * refused the connection or broke it, did not answer within its response timeout, or its circuit breaker is open.
 * Errors that are not about reaching a service go on to the next handler (the problem package's {@code ProblemErrorHandler}).
 *
 * <p>Answers from services, 4xx and 5xx alike, never get here: they are relayed untouched and count as successful
 * calls for the breaker, which opens only when a service cannot be reached or is too slow.
 */
@Component
@Order(-3)
class DownstreamFailureHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailureHandler.class);

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    private final ProblemResponses problems;
    private final CircuitBreakerRegistry breakers;
    private final GatewayProperties properties;

    DownstreamFailureHandler(ProblemResponses problems, CircuitBreakerRegistry breakers, GatewayProperties properties) {
        this.problems = problems;
        this.breakers = breakers;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Failure kind = Failure.of(failure);
        if (route == null || kind == null || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String service = route.getId();
        log.warn(
                "{} service unavailable ({}) for {} {} requestId={}: {}",
                service,
                kind,
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                RequestIds.of(exchange),
                failure.toString());
        long retryAfter = retryAfterSeconds(service);
        Problem problem = Problem.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "Service unavailable",
                        detail(service, kind) + " Retry after " + retryAfter + " s.")
                .with("service", service)
                .with("retryAfterSeconds", retryAfter)
                .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, problem);
    }

    private String detail(String service, Failure kind) {
        return switch (kind) {
            case CIRCUIT_OPEN -> "The " + service + " service is failing; calls to it are paused.";
            case TIMEOUT ->
                "The " + service + " service did not answer within "
                        + responseTimeout(service).toMillis() + " ms.";
            case UNREACHABLE -> "The " + service + " service cannot be reached.";
        };
    }

    private Duration responseTimeout(String service) {
        for (Downstream downstream : Downstream.values()) {
            if (downstream.id().equals(service)) {
                return properties.responseTimeout(downstream);
            }
        }
        return properties.responseTimeout();
    }

    // Roughly when the breaker will let a call through again: its configured wait in the open state.
    private long retryAfterSeconds(String service) {
        Duration wait = breakers.find(service)
                .map(breaker -> Duration.ofMillis(breaker.getCircuitBreakerConfig()
                        .getWaitIntervalFunctionInOpenState()
                        .apply(1)))
                .orElse(DEFAULT_RETRY_AFTER);
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    enum Failure {
        CIRCUIT_OPEN,
        TIMEOUT,
        UNREACHABLE;

        static Failure of(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof CallNotPermittedException || cause instanceof ServiceUnavailableException) {
                    return CIRCUIT_OPEN;
                }
                if (cause instanceof TimeoutException
                        || cause instanceof ResponseStatusException status
                                && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                    return TIMEOUT;
                }
                // Connection refused or reset, unknown host, connection closed before the response.
                if (cause instanceof IOException) {
                    return UNREACHABLE;
                }
            }
            return null;
        }
    }
}
