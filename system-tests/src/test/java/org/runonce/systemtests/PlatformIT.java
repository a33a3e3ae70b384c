package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.LocalPlatform;

/**
 * The whole platform as `./runonce start` runs it (real PostgreSQL, Kafka, Keycloak, SMTP; five separate
 * processes), reached through the gateway with tokens from the real Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PlatformIT {

    static final String PASSWORD = "runonce";

    static LocalPlatform platform;
    static Http gateway;
    static Keycloak keycloak;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
        gateway = new Http(platform.gatewayUrl());
        keycloak = platform.keycloak();
    }

    static String tokenOf(String username) {
        return keycloak.passwordToken(username, PASSWORD);
    }

    @ParameterizedTest(name = "{0} answers {1} through the gateway")
    @CsvSource({
        "/api/catalog/whoami,       catalog.admin,   catalog",
        "/api/intake/whoami,        zhang.san,       intake",
        "/api/approval/whoami,      reviewer.samr,   approval",
        "/api/notifications/whoami, li.si,           notification"
    })
    @Order(1)
    void everyServiceAnswersWithTheCallersIdentity(String path, String username, String service) {
        Http.Response response = gateway.get(path, tokenOf(username));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("username").asString()).isEqualTo(username);
        assertThat(response.json().path("service").asString()).isEqualTo(service);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    @Order(1)
    void aReviewersDepartmentReachesTheService() {
        Http.Response response = gateway.get("/api/approval/whoami", tokenOf("reviewer.samr"));

        assertThat(response.json().path("department").asString()).isEqualTo("SAMR");
        assertThat(response.json().path("roles").toString()).contains("reviewer");
    }

    @Test
    @Order(1)
    void aDepartmentSystemAuthenticatesWithClientCredentialsAndCarriesItsDepartment() {
        String token = keycloak.clientCredentialsToken("tax-system", "tax-system-secret");

        Http.Response response = gateway.get("/api/approval/whoami", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("department").asString()).isEqualTo("TAX");
        assertThat(response.json().path("client").asString()).isEqualTo("tax-system");
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @CsvSource({"/api/intake/whoami", "/api/approval/whoami", "/api/notifications/whoami", "/api/catalog/whoami"})
    @Order(1)
    void noTokenIsRefusedWithAProblem(String path) {
        Http.Response response = gateway.get(path, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(1)
    void aWrongRoleIsForbiddenByTheService() {
        Http.Response response = gateway.get("/api/approval/whoami", tokenOf("zhang.san"));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(1)
    void aTokenForAnotherAudienceIsRefusedByTheGateway() {
        String foreign = keycloak.clientCredentialsToken("other-app", "other-app-secret");

        Http.Response response = gateway.get("/api/notifications/whoami", foreign);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Tokens per service: a department system's carry approval's, notification's and intake's audience, not the catalog's. */
    @Test
    @Order(1)
    void aDepartmentSystemsTokenIsRefusedByTheCatalogItIsNotFor() {
        String system = keycloak.clientCredentialsToken("samr-system", "samr-system-secret");

        assertThat(new Http(platform.serviceUrl("catalog-service"))
                        .get("/api/catalog/whoami", system)
                        .status())
                .isEqualTo(401);
        assertThat(new Http(platform.serviceUrl("approval-service"))
                        .get("/api/approval/whoami", system)
                        .status())
                .isNotEqualTo(401);
    }

    @ParameterizedTest(name = "{0} checks the token itself")
    @CsvSource({
        "catalog-service,      /api/catalog/whoami",
        "intake-service,       /api/intake/whoami",
        "approval-service,     /api/approval/whoami",
        "notification-service, /api/notifications/whoami"
    })
    @Order(1)
    void everyServiceValidatesTokensItselfBehindTheGateway(String service, String path) {
        Http direct = new Http(platform.serviceUrl(service));
        String foreign = keycloak.clientCredentialsToken("other-app", "other-app-secret");
        String supervisor = tokenOf("supervisor.chen");

        assertThat(direct.get(path, null).status()).isEqualTo(401);
        assertThat(direct.get(path, foreign).status()).isEqualTo(401);
        assertThat(direct.get(path, supervisor).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aStoppedServiceAnswers503ProblemWithinTheRouteTimeoutAndTheRouteRecovers() {
        String token = tokenOf("catalog.admin");
        platform.stopService(LocalPlatform.CATALOG);
        try {
            long started = System.nanoTime();
            Http.Response response = gateway.get("/api/catalog/whoami", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("service").asString()).isEqualTo("catalog");
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            platform.startService(LocalPlatform.CATALOG);
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(
                                gateway.get("/api/catalog/whoami", token).status())
                        .isEqualTo(200));
    }
}
