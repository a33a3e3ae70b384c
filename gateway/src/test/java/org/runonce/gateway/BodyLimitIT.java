package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Request bodies over the gateway's limits (4 KB for JSON, 8 KB for multipart uploads in these tests) are answered
 * 413 {@code body-too-large} by the gateway, announced or streamed; smaller ones reach the service whole.
 */
class BodyLimitIT extends GatewayITSupport {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String contentType, BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intake/applications"))
                        .header("Authorization", bearer(TOKENS.valid("body-user")))
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                BodyHandlers.ofString());
    }

    static String json(int length) {
        return "{\"text\":\"" + "x".repeat(length - 11) + "\"}";
    }

    /** Streamed in chunks, with no Content-Length. */
    static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void bodiesWithinTheLimitReachTheServiceWhole() throws Exception {
        var announced = post("application/json", BodyPublishers.ofString(json(4_000)));
        var streamed = post("application/json", chunked(json(4_000)));
        var upload = post("multipart/form-data; boundary=b", BodyPublishers.ofString(json(8_000)));

        assertThat(announced.statusCode()).isEqualTo(200);
        assertThat(announced.body()).contains("\"bodyBytes\":4000");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("\"bodyBytes\":4000");
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("\"bodyBytes\":8000");
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedByTheGateway() throws Exception {
        var response = post("application/json", BodyPublishers.ofString(json(5_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://runonce.org/problems/body-too-large\"")
                .contains("\"limit\":4096")
                .doesNotContain("\"service\":");
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedByTheGateway() throws Exception {
        var response = post("application/json", chunked(json(60_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"https://runonce.org/problems/body-too-large\"");
    }

    @Test
    void uploadsHaveTheirOwnLargerLimit() throws Exception {
        var response = post("multipart/form-data; boundary=b", BodyPublishers.ofString(json(9_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"limit\":8192");
    }
}
