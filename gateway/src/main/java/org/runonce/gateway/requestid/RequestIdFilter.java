package org.runonce.gateway.requestid;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if acceptable, a new UUID otherwise. The id is passed to
 * the downstream service, echoed on the response (also on 401, 429 and 503 answered by the gateway itself) and
 * written in the access log. Runs before security so that rejected requests are correlated too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId =
                RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        withId.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        // Set just before the response is committed: a downstream response's headers replace the gateway's.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }
}
