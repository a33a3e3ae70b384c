package org.runonce.gateway.problem;

import java.util.Map;
import org.runonce.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Last resort for errors raised in the gateway itself (no route for a path, bad request line, a bug): answers an RFC
 * 9457 problem instead of Spring Boot's default error JSON, and never exposes exception messages of 5xx errors.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private static final Map<Integer, String> SLUGS = Map.of(
            400, "bad-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "payload-too-large",
            415, "unsupported-media-type",
            500, "internal-error",
            502, "bad-gateway",
            503, "service-unavailable",
            504, "gateway-timeout");

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = failure instanceof ResponseStatusException known
                ? known.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error(
                    "{} {} failed, requestId={}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    RequestIds.of(exchange),
                    failure);
        }
        Problem problem = Problem.of(status, slug(status), title(status), detail(status, failure));
        if (failure instanceof ResponseStatusException known) {
            for (var header : known.getHeaders().headerSet()) {
                for (String value : header.getValue()) {
                    problem = problem.withHeader(header.getKey(), value);
                }
            }
        }
        return problems.write(exchange, problem);
    }

    static String slug(HttpStatusCode status) {
        return SLUGS.getOrDefault(status.value(), "http-" + status.value());
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    private static String detail(HttpStatusCode status, Throwable failure) {
        if (status.value() == 404) {
            return "Nothing is published at this path.";
        }
        if (!status.is5xxServerError()
                && failure instanceof ResponseStatusException known
                && known.getReason() != null) {
            return known.getReason();
        }
        return status.is5xxServerError()
                ? "The gateway could not process the request."
                : "The request could not be processed.";
    }
}
