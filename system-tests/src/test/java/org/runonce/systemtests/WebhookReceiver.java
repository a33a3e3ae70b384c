package org.runonce.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A department system's endpoint on this machine: receives CloudEvents in structured mode, checks the
 * {@code X-RunOnce-Signature} HMAC as notification-service's README tells receivers to, and keeps what came.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received: the CloudEvent and whether its signature was genuine. */
    record Received(JsonNode event, boolean signatureValid, Instant at) {

        String id() {
            return event.path("id").asString();
        }

        String type() {
            return event.path("type").asString();
        }

        String subject() {
            return event.path("subject").asString();
        }

        String department() {
            return event.path("department").asString();
        }
    }

    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", this::receive);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-RunOnce-Signature");
            received.add(new Received(Http.JSON.readTree(body), verify(signature, body), Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t." + body>}, at most 5 minutes old. */
    private boolean verify(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        Map<String, String> parts = Arrays.stream(header.split(","))
                .map(p -> p.strip().split("=", 2))
                .filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a));
        if (!parts.containsKey("t") || !parts.containsKey("v1")) {
            return false;
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, parts.get("v1").getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
