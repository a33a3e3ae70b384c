package org.runonce.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for journeys through the gateway: JSON in and out, bearer tokens, no magic. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** POSTs {@code body} as JSON (no body when null), with extra headers such as {@code Idempotency-Key}. */
    Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token);
        headers.forEach(request::header);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    /** POSTs one file as {@code multipart/form-data} part {@code file}, plus plain text fields. */
    Response upload(
            String path, String token, String filename, String contentType, byte[] bytes, Map<String, String> fields) {
        String boundary = "runonce-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append(
                "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n".formatted(boundary, name, value)));
        head.append("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                .formatted(boundary, filename, contentType));
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bytes, 0, body, start.length, bytes.length);
        System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any method with any body (null: none) and headers, as a client that does not follow the API would send. */
    Response exchange(String method, String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token);
        headers.forEach(request::header);
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return new Response(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response: status, headers, body, and the body as JSON when it is JSON. */
    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        /** The JSON body, after checking the status (the failure message shows the whole response). */
        JsonNode json(int expectedStatus) {
            if (raw.statusCode() != expectedStatus) {
                throw new AssertionError("Expected " + expectedStatus + ", got " + this);
            }
            return json();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.request().method() + " " + raw.uri() + " " + raw.body();
        }
    }
}
