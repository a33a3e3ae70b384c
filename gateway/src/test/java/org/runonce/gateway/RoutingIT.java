package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Requests reach the right service with path, query, token and request id intact; answers come back untouched. */
@ExtendWith(OutputCaptureExtension.class)
class RoutingIT extends GatewayITSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    @ParameterizedTest
    @CsvSource({
        "/api/catalog/items/SAMR-001, catalog",
        "/api/intake/applications/A-2026-000001, intake",
        "/api/approval/cases/C-1/decision, approval",
        "/api/notifications/inbox, notification",
        "/api/notifications/whoami, notification"
    })
    void routesEachPathToItsServiceKeepingThePath(String path, String service) {
        var echo = gateway()
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(TOKENS.valid("routing-user")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(echo).containsEntry("service", service).containsEntry("path", path);
    }

    @Test
    void relaysTheAuthorizationHeaderAndQueryUnchanged() {
        String token = TOKENS.valid("relay-user");

        var echo = gateway()
                .post()
                .uri("/api/intake/applications?draft=true&channel=ONLINE")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("Idempotency-Key", "0f5c1c1e-2d1f-4a57-9a53-1a1d1f0e9b11")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"item\":\"SAMR-001\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(echo)
                .containsEntry("method", "POST")
                .containsEntry("path", "/api/intake/applications")
                .containsEntry("query", "draft=true&channel=ONLINE");
        assertThat(headers(echo))
                .containsEntry("authorization", bearer(token))
                .containsEntry("idempotency-key", "0f5c1c1e-2d1f-4a57-9a53-1a1d1f0e9b11");
    }

    @ParameterizedTest
    @CsvSource({"GET, 404", "POST, 409", "PUT, 412", "DELETE, 403", "POST, 422"})
    void relaysClientErrorsOfServicesUntouched(String method, int status) {
        gateway()
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri("/api/approval/status/" + status)
                .headers(headers -> headers.setBearerAuth(TOKENS.valid("client-error-user")))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/test-" + status)
                .jsonPath("$.title")
                .isEqualTo("answered by approval");
    }

    @Test
    void generatesARequestIdWhenTheCallerSentNone(CapturedOutput output) {
        var result = gateway()
                .get()
                .uri("/api/catalog/departments")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(headers(result.getResponseBody())).containsEntry("x-request-id", requestId);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("GET /api/catalog/departments 200 \\d+ms requestId=" + requestId));
    }

    @Test
    void propagatesTheCallersRequestId() {
        var result = gateway()
                .get()
                .uri("/api/catalog/items")
                .header("X-Request-Id", "portal-7f3a.42")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "portal-7f3a.42")
                .expectBody(JSON_OBJECT)
                .returnResult();

        assertThat(headers(result.getResponseBody())).containsEntry("x-request-id", "portal-7f3a.42");
    }

    @Test
    void replacesARequestIdThatIsTooLongOrUnsafe() {
        String unsafe = "x".repeat(65);

        var result = gateway()
                .get()
                .uri("/api/catalog/items")
                .header("X-Request-Id", unsafe)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotEqualTo(unsafe).hasSize(36);
        assertThat(headers(result.getResponseBody())).containsEntry("x-request-id", requestId);
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        gateway()
                .get()
                .uri("/api/unknown/things")
                .headers(headers -> headers.setBearerAuth(TOKENS.valid("lost-user")))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Map<String, Object> echo) {
        return (Map<String, Object>) echo.get("headers");
    }
}
