package org.runonce.gateway.security;

import org.runonce.gateway.problem.Problem;
import org.runonce.gateway.problem.ProblemResponses;
import org.runonce.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers 401 and 403 as RFC 9457 problems, keeping the {@code WWW-Authenticate} challenge of RFC 6750. When a token
 * cannot be checked at all because the identity provider's keys cannot be fetched, answers 503 instead: the token
 * may be fine, so the client should retry rather than log in again.
 */
final class ProblemSecurityHandlers
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    static final String IDENTITY_PROVIDER = "identity-provider";

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenPresented = failure instanceof OAuth2AuthenticationException;
        String detail = tokenPresented
                ? "The bearer token was rejected: " + failure.getMessage()
                : "This request needs a bearer token.";
        Problem problem = Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
        return problems.write(exchange, problem);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException failure) {
        ServerWebExchange exchange = filterExchange.getExchange();
        if (!(failure instanceof AuthenticationServiceException)) {
            return commence(exchange, failure);
        }
        log.warn(
                "Cannot verify a bearer token for {} {} requestId={}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                RequestIds.of(exchange),
                failure.toString());
        Problem problem = Problem.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "Service unavailable",
                        "The identity provider cannot be reached to verify the token. Retry after 10 s.")
                .with("service", IDENTITY_PROVIDER)
                .with("retryAfterSeconds", 10)
                .withHeader(HttpHeaders.RETRY_AFTER, "10");
        return problems.write(exchange, problem);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        Problem problem = Problem.of(
                        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token does not allow this request.")
                .withHeader(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", error_description=\"Access denied\"");
        return problems.write(exchange, problem);
    }

    private static String challenge(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth2
                && oauth2.getError() instanceof BearerTokenError error) {
            return "Bearer error=\"" + error.getErrorCode() + "\", error_description=\""
                    + quotable(error.getDescription()) + "\"";
        }
        if (failure instanceof OAuth2AuthenticationException oauth2) {
            return "Bearer error=\"" + oauth2.getError().getErrorCode() + "\"";
        }
        return "Bearer";
    }

    private static String quotable(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "'");
    }
}
