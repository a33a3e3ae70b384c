package org.runonce.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.runonce.contracts.notification.WebhookSignatures;
import tools.jackson.databind.JsonNode;

/**
 * A department system's endpoint on this machine: receives CloudEvents in structured mode, checks the
 * {@code X-RunOnce-Signature} HMAC with the contracts' {@link WebhookSignatures}, and keeps what came.
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

    /** The shared secret the sender signs with. */
    String secret() {
        return secret;
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("OPTIONS")) { // the validation handshake of a new subscription
                exchange.getResponseHeaders()
                        .add(
                                "WebHook-Allowed-Origin",
                                exchange.getRequestHeaders().getFirst("WebHook-Request-Origin"));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-RunOnce-Signature");
            received.add(new Received(Http.JSON.readTree(body), verify(signature, body), Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** As a receiver should: the HMAC over timestamp and body, at most 5 minutes old. */
    private boolean verify(String header, byte[] body) {
        return WebhookSignatures.verify(secret, header, body, Instant.now().getEpochSecond(), 300);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
