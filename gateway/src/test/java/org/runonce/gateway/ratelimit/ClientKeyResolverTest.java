package org.runonce.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

class ClientKeyResolverTest {

    private final ClientKeyResolver resolver = new ClientKeyResolver();

    private static MockServerWebExchange anonymous(String address) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/catalog/items").remoteAddress(new InetSocketAddress(address, 51234)));
    }

    private static ServerWebExchange authenticated(Jwt jwt) {
        return new ServerWebExchangeDecorator(anonymous("10.0.0.7")) {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends Principal> Mono<T> getPrincipal() {
                return Mono.just((T) new JwtAuthenticationToken(jwt));
            }
        };
    }

    private static Jwt jwt(String subject, String azp) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject);
        if (azp != null) {
            builder.claim("azp", azp);
        }
        return builder.build();
    }

    @Test
    void keysAuthenticatedCallsByClientAndSubject() {
        assertThat(resolver.resolve(authenticated(jwt("user-1", "runonce-portal")))
                        .block())
                .isEqualTo("token:runonce-portal:user-1");
    }

    @Test
    void theSameUserThroughAnotherClientHasAnotherKey() {
        assertThat(resolver.resolve(authenticated(jwt("user-1", "runonce-window")))
                        .block())
                .isNotEqualTo(resolver.resolve(authenticated(jwt("user-1", "runonce-portal")))
                        .block());
    }

    @Test
    void toleratesTokensWithoutAzp() {
        assertThat(resolver.resolve(authenticated(jwt("svc", null))).block()).isEqualTo("token:-:svc");
    }

    @Test
    void keysAnonymousCallsByRemoteAddress() {
        assertThat(resolver.resolve(anonymous("192.0.2.10")).block()).isEqualTo("address:192.0.2.10");
    }
}
