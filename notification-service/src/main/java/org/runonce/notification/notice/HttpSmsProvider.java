package org.runonce.notification.notice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway over HTTP: {@code POST <url>} with {@code {"to": "<number>", "text": "<message>"}} as JSON and,
 * when an API key is configured, {@code Authorization: Bearer <key>}; any 2xx means taken.
 */
class HttpSmsProvider implements SmsProvider {

    private final URI url;
    private final String apiKey;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;

    HttpSmsProvider(URI url, String apiKey, Duration timeout, JsonMapper json) {
        this.url = url;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String phoneNumber, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", phoneNumber);
        body.put("text", text);
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException("SMS gateway answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
