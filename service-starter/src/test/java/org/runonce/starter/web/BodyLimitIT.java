package org.runonce.starter.web;

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
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.Notes;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies over {@code runonce.web.max-body-size} (4 KB here) are refused with a 413 problem and change nothing,
 * over real HTTP: announced with Content-Length, and streamed in chunks with no length announced.
 */
@SpringBootTest(
        classes = StarterTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "runonce.web.max-body-size=4KB")
@WithLocalInfrastructure
class BodyLimitIT {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Notes notes;

    static String note(String id, int textLength) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + "x".repeat(textLength) + "\",\"priority\":1}";
    }

    HttpResponse<String> post(BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/test/notes"))
                        .header("Authorization", "Bearer " + Tokens.user("li.si", "SAMR", "reviewer"))
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build(),
                BodyHandlers.ofString());
    }

    /** A body the client streams in chunks, with no Content-Length. */
    static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aBodyUnderTheLimitIsServed() throws Exception {
        assertThat(post(BodyPublishers.ofString(note("small-1", 3_000))).statusCode())
                .isEqualTo(201);
        assertThat(post(chunked(note("small-2", 3_000))).statusCode()).isEqualTo(201);
        assertThat(notes.exists("small-1")).isTrue();
        assertThat(notes.exists("small-2")).isTrue();
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        var response = post(BodyPublishers.ofString(note("big-1", 5_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://runonce.org/problems/body-too-large\"")
                .contains("4096 bytes");
        assertThat(notes.exists("big-1")).isFalse();
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWhenItPassesTheLimit() throws Exception {
        var response = post(chunked(note("big-2", 50_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"https://runonce.org/problems/body-too-large\"");
        assertThat(notes.exists("big-2")).isFalse();
    }
}
