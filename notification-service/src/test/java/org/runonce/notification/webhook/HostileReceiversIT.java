package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.Topics;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.NotificationProperties;
import org.runonce.notification.TestEvents;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event, four subscriptions of one department: a receiver that does not answer, one that redirects to another
 * host, and two well-behaved ones subscribed after them. The well-behaved ones receive the event while the slow one is
 * still being waited for; the slow one is cut off at the client's deadline and the redirect is not followed: both are
 * recorded as failed attempts, to be retried with backoff, and the redirect's target is never called. (A host rebinding its DNS to a private address after the checks
 * needs the private-address check on, which this shared context turns off for its receivers on 127.0.0.1:
 * {@code HostileReceiversTest} shows it with the real client and real sockets.)
 */
@NotificationIT
class HostileReceiversIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    NotificationProperties properties;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final CountDownLatch release = new CountDownLatch(1);
    final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void aSlowAndARedirectingReceiverFailOnTheirOwnAndTheOthersGetTheEventAtOnce() throws Exception {
        String department = "HOSTILE-" + Long.toString(System.nanoTime(), 36);
        AtomicInteger slowRequests = new AtomicInteger();
        HttpServer slow = receiver(exchange -> {
            slowRequests.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS); // longer than the client's deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 204);
        });
        AtomicInteger targetRequests = new AtomicInteger();
        HttpServer target = receiver(exchange -> {
            targetRequests.incrementAndGet();
            answer(exchange, 204);
        });
        HttpServer redirecting = receiver(exchange -> {
            // another host name, another port: a client following it would deliver the event elsewhere
            exchange.getResponseHeaders()
                    .add("Location", "http://localhost:" + target.getAddress().getPort() + "/hook");
            answer(exchange, 307);
        });

        try (Receiver wellBehaved = new Receiver(clock::instant);
                Receiver alsoWellBehaved = new Receiver(clock::instant);
                TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            // the hostile ones subscribed first: their deliveries are queued before the good ones'
            String slowSubscription = subscribe(department, url(slow));
            clock.set(clock.instant().plusSeconds(1));
            String redirectSubscription = subscribe(department, url(redirecting));
            clock.set(clock.instant().plusSeconds(1));
            String good = subscribe(department, wellBehaved.url());
            String alsoGood = subscribe(department, alsoWellBehaved.url());
            String subject = "H-" + UUID.randomUUID();
            kafka.send(
                    Topics.APPROVAL,
                    TestEvents.event(
                            "/runonce/approval", "org.runonce.approval.case.opened.v1", subject, department, Map.of()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> List.of(slowSubscription, redirectSubscription, good, alsoGood).stream()
                            .allMatch(s -> state(s) != null));

            Instant attempted = clock.instant();
            var dispatching = CompletableFuture.supplyAsync(dispatcher::dispatchDue);

            // the good receivers have it while the slow one is still being waited for
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> wellBehaved.received.size() == 1 && alsoWellBehaved.received.size() == 1);
            assertThat(slowRequests).as("the slow receiver was called").hasValue(1);
            assertThat(dispatching)
                    .as("the slow receiver is still being waited for")
                    .isNotDone();

            // the slow one is cut off at the deadline, without anyone releasing it
            Duration deadline = properties.webhooks().http().requestTimeout();
            assertThat(dispatching.get(deadline.toSeconds() + 20, TimeUnit.SECONDS))
                    .isGreaterThanOrEqualTo(4);
            assertThat(release.getCount())
                    .as("nobody released the slow receiver")
                    .isOne();

            assertThat(state(good)).isEqualTo("SUCCEEDED");
            assertThat(state(alsoGood)).isEqualTo("SUCCEEDED");
            var slowAttempt = attempt(slowSubscription);
            assertThat(slowAttempt.state()).isEqualTo("FAILED_RETRYING");
            assertThat(slowAttempt.error()).contains("no answer within");
            assertThat(slowAttempt.nextAttemptAt()).isAfter(attempted);
            var redirectAttempt = attempt(redirectSubscription);
            assertThat(redirectAttempt.state()).isEqualTo("FAILED_RETRYING");
            assertThat(redirectAttempt.status()).isEqualTo(307);
            assertThat(redirectAttempt.nextAttemptAt()).isAfter(attempted);
            assertThat(targetRequests).as("the redirect's target").hasValue(0);
        }
    }

    /** A receiver on 127.0.0.1 that confirms the validation handshake and answers deliveries with {@code handler}. */
    private HttpServer receiver(Consumer<HttpExchange> handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                    answer(exchange, 200);
                } else {
                    exchange.getRequestBody().readAllBytes();
                    handler.accept(exchange);
                }
            }
        });
        server.start();
        servers.add(server);
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static void answer(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sender hung up
        }
    }

    private String subscribe(String department, String url) throws Exception {
        return Subscribing.subscribe(mvc, json, department, url, List.of("org.runonce.approval.case.*"));
    }

    private String state(String subscription) {
        return jdbc.sql("select state from delivery where subscription_id = cast(? as uuid)")
                .param(subscription)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    record Attempt(String state, Integer status, String error, Instant nextAttemptAt) {}

    private Attempt attempt(String subscription) {
        return jdbc.sql("select state, last_status, last_error, next_attempt_at from delivery"
                        + " where subscription_id = cast(? as uuid)")
                .param(subscription)
                .query((rs, n) -> new Attempt(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .single();
    }
}
