package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** The W3C trace context reaches the services: the caller's trace continued, or a new one begun at the edge. */
class TraceContextIT extends GatewayITSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void continuesTheCallersTraceWithTheGatewaysOwnSpanAsParent() {
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        Map<String, Object> headers = downstreamHeaders("00-" + callerTrace + "-" + callerSpan + "-01");

        String traceparent = (String) headers.get("traceparent");
        assertThat(traceparent).matches(TRACEPARENT);
        assertThat(traceparent.substring(3, 35)).isEqualTo(callerTrace);
        assertThat(traceparent.substring(36, 52)).isNotEqualTo(callerSpan); // the gateway's span in between
        // the caller's decision to record it stands (flag bit 0: sampled)
        assertThat(Integer.parseInt(traceparent.substring(53), 16) & 1).isEqualTo(1);
        assertThat(headers).containsKey("x-request-id"); // the correlation header is still passed on
    }

    @Test
    void startsATraceForACallerWithoutOne() {
        Map<String, Object> first = downstreamHeaders(null);
        Map<String, Object> second = downstreamHeaders(null);

        assertThat((String) first.get("traceparent")).matches(TRACEPARENT);
        assertThat((String) second.get("traceparent")).matches(TRACEPARENT);
        assertThat(((String) first.get("traceparent")).substring(3, 35))
                .isNotEqualTo(((String) second.get("traceparent")).substring(3, 35));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> downstreamHeaders(String traceparent) {
        var echo = gateway()
                .get()
                .uri("/api/catalog/items")
                .headers(headers -> {
                    if (traceparent != null) {
                        headers.set("traceparent", traceparent);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return (Map<String, Object>) echo.get("headers");
    }
}
