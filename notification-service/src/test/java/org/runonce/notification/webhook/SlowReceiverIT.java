package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.Topics;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver that does not answer holds up only its own subscription: the department's other subscription, subscribed
 * after it (so its delivery comes later in the queue), receives the same event while the slow one is still waiting
 * for its answer.
 */
@NotificationIT
class SlowReceiverIT {

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

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aReceiverThatDoesNotAnswerDoesNotHoldUpTheOthers() throws Exception {
        String department = "SLOW-" + Long.toString(System.nanoTime(), 36);
        var release = new CountDownLatch(1);
        var slowAnswering = new AtomicBoolean();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slow.createContext("/hook", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                } else {
                    exchange.getRequestBody().readAllBytes();
                    slowAnswering.set(true);
                    release.await(30, TimeUnit.SECONDS);
                    slowAnswering.set(false);
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.start();
        try (Receiver fast = new Receiver(clock::instant);
                TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            String slowSubscription = subscribe(
                    department, "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook");
            clock.set(clock.instant().plusSeconds(1)); // subscribed later: its delivery is queued after the slow one's
            String fastSubscription = subscribe(department, fast.url());
            kafka.send(
                    Topics.APPROVAL,
                    TestEvents.event(
                            "/runonce/approval",
                            "org.runonce.approval.case.opened.v1",
                            "S-" + UUID.randomUUID(),
                            department,
                            Map.of()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(slowSubscription) == 1 && count(fastSubscription) == 1);

            var dispatching = CompletableFuture.supplyAsync(dispatcher::dispatchDue);

            await().atMost(Duration.ofSeconds(5)).until(() -> !fast.received.isEmpty());
            assertThat(slowAnswering)
                    .as("the slow receiver is still being waited for")
                    .isTrue();
            release.countDown();
            assertThat(dispatching.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    private String subscribe(String department, String url) throws Exception {
        return Subscribing.subscribe(mvc, json, department, url, List.of("org.runonce.approval.case.*"));
    }

    private int count(String subscription) {
        return jdbc.sql("select count(*) from delivery where subscription_id = cast(? as uuid)")
                .param(subscription)
                .query(Integer.class)
                .single();
    }
}
