package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.runonce.gateway.support.FakeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service that is down or too slow gets a 503 problem naming it; its breaker opens, then closes on recovery. */
class CircuitBreakerIT extends GatewayITSupport {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void answers503ForAStoppedServiceOpensItsBreakerAndRecoversWhenItIsBack() {
        FakeService intake = SERVICES.get(Downstream.INTAKE);
        CircuitBreaker breaker = breakers.circuitBreaker("intake");
        String token = TOKENS.valid("breaker-user");
        intake.stop();
        try {
            long started = System.nanoTime();
            expectServiceUnavailable(callIntake(token), "intake")
                    .jsonPath("$.detail")
                    .isEqualTo("The intake service cannot be reached. Retry after 2 s.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                callIntake(token).expectStatus().isEqualTo(503);
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            });
            expectServiceUnavailable(callIntake(token), "intake")
                    .jsonPath("$.detail")
                    .isEqualTo("The intake service is failing; calls to it are paused. Retry after 2 s.");
        } finally {
            intake.restart();
        }

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> callIntake(token).expectStatus().isOk());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            callIntake(token).expectStatus().isOk();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }

    @Test
    void answers503WhenAServiceDoesNotAnswerWithinItsTimeout() {
        FakeService approval = SERVICES.get(Downstream.APPROVAL);
        long started = System.nanoTime();
        try {
            expectServiceUnavailable(
                            gateway()
                                    .get()
                                    .uri("/api/approval/cases/C-1/slow")
                                    .headers(headers -> headers.setBearerAuth(TOKENS.valid("patient-user")))
                                    .exchange(),
                            "approval")
                    .jsonPath("$.detail")
                    .isEqualTo("The approval service did not answer within 1000 ms. Retry after 2 s.");
        } finally {
            approval.releaseSlowRequests();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void clientErrorsOfAServiceDoNotCountAsBreakerFailures() {
        CircuitBreaker breaker = breakers.circuitBreaker("catalog");
        long failuresBefore = breaker.getMetrics().getNumberOfFailedCalls();

        for (int i = 0; i < 12; i++) {
            gateway()
                    .get()
                    .uri("/api/catalog/status/404")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("answered by catalog");
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failuresBefore);
    }

    @Test
    void breakersAreConfiguredPerServiceFromYaml() {
        for (Downstream downstream : Downstream.values()) {
            var config = breakers.circuitBreaker(downstream.id()).getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowSize()).isEqualTo(10);
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
            assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(2000L);
        }
    }

    private WebTestClient.ResponseSpec callIntake(String token) {
        return gateway()
                .get()
                .uri("/api/intake/applications/A-1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private static WebTestClient.BodyContentSpec expectServiceUnavailable(
            WebTestClient.ResponseSpec response, String service) {
        return response.expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "2")
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://runonce.org/problems/service-unavailable")
                .jsonPath("$.title")
                .isEqualTo("Service unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.service")
                .isEqualTo(service);
    }
}
