package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Refusal;

/**
 * Receivers that try to hurt the sender, against the real HTTP client and real sockets on 127.0.0.1: one that answers
 * slowly or trickles its answer (cut off at the deadline), one that redirects (not followed), one whose DNS answer
 * changes after the check (the connection goes only to a checked address), and the validation handshake. The
 * private-address check is on here ({@code new CallbackUrls(false, ...)}) with a resolver the test controls, so the
 * refusal of loopback is really exercised although every receiver listens on loopback.
 */
class HostileReceiversTest {

    static final String SECRET = "0123456789abcdef0123";
    static final Duration DEADLINE = Duration.ofMillis(700);

    final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    WebhookSender sender(CallbackUrls urls) {
        var sender = new WebhookSender(
                urls,
                new NotificationProperties.Webhooks.Http(Duration.ofSeconds(1), DEADLINE),
                CircuitBreakerRegistry.ofDefaults(),
                "runonce");
        toClose.add(sender);
        return sender;
    }

    /** A receiver on 127.0.0.1 answering with {@code handler}; its requests are counted. */
    record Server(HttpServer http, AtomicInteger requests) {
        int port() {
            return http.getAddress().getPort();
        }

        String url(String host) {
            return "http://" + host + ":" + port() + "/hook";
        }
    }

    Server server(Consumer<HttpExchange> handler) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        http.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.accept(exchange);
            }
        });
        http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        toClose.add(() -> http.stop(0));
        return new Server(http, requests);
    }

    static void answer(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Subscription subscription(String url) {
        return new Subscription(
                UUID.randomUUID(), "SAMR", "samr-system", url, List.of("*"), SECRET, true, Instant.now(), null);
    }

    static Delivery delivery() {
        Instant now = Instant.now();
        return new Delivery(
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                "event-1",
                "org.runonce.approval.case.opened.v1",
                "A-1",
                "{\"specversion\":\"1.0\"}",
                Delivery.State.PENDING,
                0,
                now,
                now,
                now,
                null,
                null,
                null,
                null);
    }

    @Test
    void aReceiverThatDoesNotAnswerIsCutOffAtTheDeadline() throws Exception {
        var release = new CountDownLatch(1);
        toClose.add(release::countDown);
        Server slow = server(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 204);
        });
        var sender = sender(new CallbackUrls(true));

        long start = System.nanoTime();
        var outcome = sender.send(subscription(slow.url("127.0.0.1")), delivery(), Instant.now());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("no answer within");
        assertThat(took).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheDeadlineToo() throws Exception {
        // every byte arrives well within the socket timeout; only a total deadline stops this one
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(socket);
        Thread.ofVirtual().start(() -> {
            try (Socket client = socket.accept()) {
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 300; i++) {
                    out.write(("X-Slow-" + i + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100); // the hostile receiver's pace, not a wait of the test
                }
            } catch (IOException | InterruptedException e) {
                // the sender hung up: what should happen
            }
        });
        var sender = sender(new CallbackUrls(true));

        long start = System.nanoTime();
        var outcome = sender.send(
                subscription("http://127.0.0.1:" + socket.getLocalPort() + "/hook"), delivery(), Instant.now());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("no answer within");
        assertThat(took).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        Server target = server(exchange -> answer(exchange, 204));
        Server redirecting = server(exchange -> {
            exchange.getResponseHeaders().add("Location", target.url("127.0.0.1"));
            answer(exchange, 307);
        });
        var sender = sender(new CallbackUrls(true));

        var outcome = sender.send(subscription(redirecting.url("127.0.0.1")), delivery(), Instant.now());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.status()).isEqualTo(307);
        assertThat(redirecting.requests()).hasValue(1);
        assertThat(target.requests()).hasValue(0);
    }

    @Test
    void aHostThatRebindsToLoopbackAfterTheChecksIsNotConnectedTo() throws Exception {
        Server receiver = server(exchange -> answer(exchange, 204));
        // "localhost" first resolves to a public address (the subscription check, the check before the attempt),
        // then to loopback: a client resolving again for the connection would reach 127.0.0.1
        AtomicInteger lookups = new AtomicInteger();
        CallbackUrls.Resolver rebinding = host -> lookups.incrementAndGet() <= 2
                ? new InetAddress[] {InetAddress.getByName("203.0.113.10")}
                : new InetAddress[] {InetAddress.getLoopbackAddress()};
        var urls = new CallbackUrls(false, rebinding);
        String url = receiver.url("localhost");
        urls.validate(url); // subscribing: accepted

        var outcome = sender(urls).send(subscription(url), delivery(), Instant.now());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("loopback, private or link-local address (127.0.0.1)");
        assertThat(receiver.requests()).hasValue(0);
    }

    @Test
    void theConnectionGoesToTheAddressTheCheckResolved() throws Exception {
        Server receiver = server(exchange -> answer(exchange, 204));
        // a name only the checking resolver knows: reached only if the client connects through it
        CallbackUrls.Resolver resolver = host -> {
            if (!host.equals("receiver.runonce.invalid")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };

        var outcome = sender(new CallbackUrls(true, resolver))
                .send(subscription(receiver.url("receiver.runonce.invalid")), delivery(), Instant.now());

        assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
        assertThat(receiver.requests()).hasValue(1);
    }

    @Test
    void theHandshakeNeedsTheEndpointToAllowTheOrigin() throws Exception {
        List<String> origins = new CopyOnWriteArrayList<>();
        Server confirming = server(exchange -> {
            origins.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("WebHook-Request-Origin"));
            exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "runonce");
            answer(exchange, 200);
        });
        Server silent = server(exchange -> answer(exchange, 204));
        Server redirecting = server(exchange -> {
            exchange.getResponseHeaders().add("Location", confirming.url("127.0.0.1"));
            answer(exchange, 302);
        });
        var sender = sender(new CallbackUrls(true));

        sender.handshake(URI.create(confirming.url("127.0.0.1")));
        assertThat(origins).containsExactly("OPTIONS runonce");

        assertThatThrownBy(() -> sender.handshake(URI.create(silent.url("127.0.0.1"))))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.detail()).contains("answered HTTP 204 without WebHook-Allowed-Origin"));
        assertThatThrownBy(() -> sender.handshake(URI.create(redirecting.url("127.0.0.1"))))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.detail()).contains("HTTP 302"));
        assertThat(origins).hasSize(1);
        assertThatThrownBy(() -> sender.handshake(URI.create("http://127.0.0.1:9/hook")))
                .isInstanceOf(Refusal.class);
    }
}
