package org.runonce.gateway.security;

import org.runonce.gateway.problem.Problem;
import org.runonce.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers 401 and 403 as RFC 9457 problems, keeping the {@code WWW-Authenticate} challenge of RFC 6750. */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

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
