package org.runonce.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.runonce.contracts.notification.WebhookSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department system's webhook endpoint on a free local port: verifies {@code X-RunOnce-Signature} as
 * notification-service/README.md documents (HMAC-SHA256 over {@code t.body}, 5 minutes' tolerance), answers 204 and
 * notes when each CloudEvent subject (the case number) first arrived. Refused signatures answer 401 and are counted.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final long TOLERANCE_SECONDS = 300;

    private final String secret;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong badSignatures = new AtomicLong();
    final AtomicLong repeated = new AtomicLong();

    WebhookReceiver(String secret) throws Exception {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", this::handle);
        server.start();
    }

    String callbackUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** Completes with the {@link System#nanoTime()} at which an event about {@code subject} first arrived. */
    CompletableFuture<Long> arrival(String subject) {
        return arrivals.computeIfAbsent(subject, s -> new CompletableFuture<>());
    }

    private void handle(HttpExchange exchange) throws java.io.IOException {
        if (exchange.getRequestMethod().equals("OPTIONS")) { // the validation handshake of a new subscription
            exchange.getResponseHeaders()
                    .add("WebHook-Allowed-Origin", exchange.getRequestHeaders().getFirst("WebHook-Request-Origin"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        long at = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-RunOnce-Signature");
        received.incrementAndGet();
        if (signature == null || !verify(signature, body)) {
            badSignatures.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode event = json.readTree(body);
        if (!arrival(event.get("subject").asString()).complete(at)) {
            repeated.incrementAndGet();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verify(String header, byte[] body) {
        return WebhookSignatures.verify(secret, header, body, Instant.now().getEpochSecond(), TOLERANCE_SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "webhook receiver: %d requests, %d refused signatures, %d repeated subjects"
                .formatted(received.get(), badSignatures.get(), repeated.get());
    }
}
