package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Each client has its own token bucket (20 at once, 10 per second in these tests); beyond it: 429 problem. */
class RateLimitIT extends GatewayITSupport {

    @Test
    void answers429WithRetryAfterOnceAClientExceedsItsLimitWhileOtherClientsGoOn() {
        String greedy = TOKENS.valid("greedy-client");

        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = gateway()
                    .get()
                    .uri("/api/intake/applications")
                    .headers(headers -> headers.setBearerAuth(greedy))
                    .exchange()
                    .expectBody()
                    .returnResult();
            if (result.getStatus().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                refused = result;
            } else {
                assertThat(result.getStatus().value()).isEqualTo(200);
                assertThat(result.getResponseHeaders().getFirst("X-RateLimit-Limit"))
                        .isEqualTo("20");
            }
        }

        assertThat(refused).as("a 429 within 500 requests").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After")))
                .isPositive();
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("0");
        assertThat(new String(refused.getResponseBodyContent()))
                .contains("\"type\":\"https://runonce.org/problems/too-many-requests\"")
                .contains("\"status\":429");

        gateway()
                .get()
                .uri("/api/intake/applications")
                .headers(headers -> headers.setBearerAuth(TOKENS.valid("modest-client")))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
