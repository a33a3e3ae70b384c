package org.runonce.gateway;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.runonce.gateway.support.FakeService;
import org.runonce.gateway.support.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Boots the real gateway on a random port in front of four real HTTP servers standing in for the services, with JWT
 * validation against a real JWK Set endpoint. Every integration test class extends this one and so shares one
 * application context and one set of servers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runonce.gateway.response-timeouts.approval=1s",
            "runonce.gateway.rate-limit.requests-per-second=10",
            "runonce.gateway.rate-limit.burst=20",
            "runonce.gateway.max-body-size=4KB",
            "runonce.gateway.max-upload-size=8KB",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s"
        })
abstract class GatewayITSupport {

    static final TestTokens TOKENS = TestTokens.start();

    static final Map<Downstream, FakeService> SERVICES = new EnumMap<>(Downstream.class);

    static {
        for (Downstream downstream : Downstream.values()) {
            SERVICES.put(downstream, FakeService.start(downstream.id()));
        }
    }

    @DynamicPropertySource
    static void gatewayEnvironment(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwkSetUri);
        SERVICES.forEach((downstream, service) ->
                properties.add("runonce.gateway.services." + downstream.id(), service::baseUrl));
    }

    @LocalServerPort
    int port;

    WebTestClient gateway() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
