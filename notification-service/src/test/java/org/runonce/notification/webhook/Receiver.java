package org.runonce.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A department system's webhook endpoint: confirms the validation handshake, records what it is sent, can be down,
 * can lose one acknowledgement.
 */
final class Receiver implements AutoCloseable {

    /** One received request. */
    record Received(String deliveryId, String contentType, String signature, String body, long receivedAt) {}

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    /** When set, the next request is processed but answered 500, as if the acknowledgement were lost. */
    final AtomicBoolean loseNextAck = new AtomicBoolean();

    /** @param clock the service's (simulated) clock: when a request arrives */
    Receiver(java.util.function.Supplier<java.time.Instant> clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            if (exchange.getRequestMethod().equals("OPTIONS")) { // the validation handshake of a new subscription
                exchange.getResponseHeaders()
                        .add(
                                "WebHook-Allowed-Origin",
                                exchange.getRequestHeaders().getFirst("WebHook-Request-Origin"));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (down.get()) {
                status = 503;
            } else {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("X-RunOnce-Delivery"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-RunOnce-Signature"),
                        new String(body, StandardCharsets.UTF_8),
                        clock.get().getEpochSecond()));
                status = loseNextAck.getAndSet(false) ? 500 : 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
