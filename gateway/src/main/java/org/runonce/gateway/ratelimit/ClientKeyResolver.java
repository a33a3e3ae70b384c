package org.runonce.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is calling, for rate limiting: the OAuth2 client ({@code azp}) and subject of a validated token, otherwise the
 * remote address. Behind a load balancer, configure {@code server.forward-headers-strategy} so the remote address is
 * the client's and not the balancer's.
 */
final class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> tokenKey(((JwtAuthenticationToken) principal).getToken()))
                .switchIfEmpty(Mono.fromSupplier(() -> addressKey(exchange)));
    }

    static String tokenKey(Jwt jwt) {
        String client = jwt.getClaimAsString("azp");
        return "token:" + (client == null ? "-" : client) + ":" + jwt.getSubject();
    }

    static String addressKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:"
                + (remote == null
                        ? "unknown"
                        : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
