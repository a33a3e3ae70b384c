package org.runonce.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tokens are validated at the edge (signature, expiry, issuer, audience) and refusals are RFC 9457 problems. */
class EdgeSecurityIT extends GatewayITSupport {

    @Test
    void refusesARequestWithoutTokenWithAProblem() {
        gateway()
                .get()
                .uri("/api/intake/applications")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/intake/applications")
                .jsonPath("$.requestId")
                .exists();
    }

    @Test
    void aRefusalIsInTheCallersLanguage() {
        gateway()
                .get()
                .uri("/api/intake/applications")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("Content-Language", "zh-CN")
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/unauthorized")
                .jsonPath("$.title")
                .isEqualTo("未认证")
                .jsonPath("$.detail")
                .isEqualTo("此请求需要有效的持有者令牌（bearer token）。");
        for (String english : new String[] {"en-GB", "fr"}) {
            gateway()
                    .get()
                    .uri("/api/intake/applications")
                    .header("Accept-Language", english)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals("Content-Language", "en")
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Unauthorized")
                    .jsonPath("$.detail")
                    .isEqualTo("This request needs a bearer token.");
        }
    }

    @Test
    void refusesATokenIssuedForAnotherAudience() {
        String catalogOnly = TOKENS.forAudiences("audience-user", "runonce-catalog");

        expectInvalidToken(gateway()
                .get()
                .uri("/api/intake/applications")
                .headers(headers -> headers.setBearerAuth(catalogOnly))
                .exchange());
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String foreign = TOKENS.fromIssuer("issuer-user", "http://127.0.0.1:1/realms/elsewhere");

        expectInvalidToken(gateway()
                .get()
                .uri("/api/approval/cases")
                .headers(headers -> headers.setBearerAuth(foreign))
                .exchange());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        expectInvalidToken(gateway()
                .get()
                .uri("/api/approval/cases")
                .headers(headers -> headers.setBearerAuth(TOKENS.signedByStranger("forger")))
                .exchange());
    }

    @Test
    void refusesAnExpiredToken() {
        expectInvalidToken(gateway()
                .get()
                .uri("/api/notifications/inbox")
                .headers(headers -> headers.setBearerAuth(TOKENS.expired("late-user")))
                .exchange());
    }

    @Test
    void refusesABadTokenEvenOnAPublicPath() {
        expectInvalidToken(gateway()
                .get()
                .uri("/api/catalog/items")
                .headers(headers -> headers.setBearerAuth("not.a.jwt"))
                .exchange());
    }

    @Test
    void answers503WhenTheIdentityProvidersKeysCannotBeFetched() {
        TOKENS.keysUnavailable(true);
        try {
            gateway()
                    .get()
                    .uri("/api/intake/applications")
                    .headers(headers -> headers.setBearerAuth(TOKENS.signedWithRotatedKey("unlucky-user")))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://runonce.org/problems/service-unavailable")
                    .jsonPath("$.service")
                    .isEqualTo("identity-provider");
        } finally {
            TOKENS.keysUnavailable(false);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/catalog/departments",
                "/api/catalog/items/SAMR-001",
                "/api/catalog/guides/SAMR-001",
                "/api/catalog/bundles/company-startup",
                "/api/catalog/calendars/2026",
                "/api/catalog/statistics",
                "/api/catalog/v3/api-docs",
                "/api/intake/v3/api-docs",
                "/api/approval/v3/api-docs",
                "/api/notifications/v3/api-docs",
                "/api/approval/.well-known/jwks.json",
                "/api/approval/certificates/BUSINESS_LICENCE-2026-000001",
                "/api/approval/publications",
                "/api/intake/hall/service-points",
                "/api/intake/hall/service-points/xihu-hall",
                "/api/intake/hall/service-points/xihu-hall/slots",
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus"
            })
    void servesPublicPathsWithoutToken(String path) {
        gateway().get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void letsAnyoneVerifyAnECertificateButNothingElseOfApproval() {
        gateway()
                .post()
                .uri("/api/approval/certificates/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"jws\": \"x\"}")
                .exchange()
                .expectStatus()
                .isOk();
        gateway()
                .post()
                .uri("/api/approval/certificates/BUSINESS_LICENCE-2026-000001/revoke")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        gateway().get().uri("/api/approval/cases").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void requiresATokenToWriteToTheCatalog() {
        gateway()
                .post()
                .uri("/api/catalog/items")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void requiresATokenForTheActuatorBeyondHealthInfoAndMetrics() {
        gateway().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    private static void expectInvalidToken(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        "WWW-Authenticate",
                        value -> org.assertj.core.api.Assertions.assertThat(value)
                                .startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/unauthorized")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("The bearer token was rejected"));
    }
}
