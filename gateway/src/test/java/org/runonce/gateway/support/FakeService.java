package org.runonce.gateway.support;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for one RunOnce service. It echoes what it received as JSON (method, path, query,
 * headers), answers {@code .../status/<code>} with that status and a problem body, holds {@code .../slow} requests
 * until released, and serves a minimal OpenAPI document at {@code .../v3/api-docs}. It can be stopped and started
 * again on the same port.
 */
public final class FakeService {

    private static final Pattern STATUS = Pattern.compile(".*/status/(\\d{3})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-service");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CountDownLatch slowRelease = new CountDownLatch(1);
    private volatile HttpServer server;
    private int port;

    private FakeService(String name) {
        this.name = name;
    }

    public static FakeService start(String name) {
        FakeService service = new FakeService(name);
        service.bind(0);
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Starts again on the same port, retrying while the operating system still holds it. */
    public synchronized void restart() {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            bind(port);
            return true;
        });
    }

    /** Lets held {@code /slow} requests answer now. */
    public void releaseSlowRequests() {
        CountDownLatch released = slowRelease;
        slowRelease = new CountDownLatch(1);
        released.countDown();
    }

    private void bind(int requestedPort) {
        try {
            HttpServer created =
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
            created.setExecutor(workers);
            created.createContext("/", this::handle);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int bodyBytes = exchange.getRequestBody().readAllBytes().length;
            String path = exchange.getRequestURI().getPath();
            Matcher status = STATUS.matcher(path);
            if (path.endsWith("/v3/api-docs")) {
                respond(
                        exchange,
                        200,
                        "application/json",
                        Map.of(
                                "openapi",
                                "3.1.0",
                                "info",
                                Map.of("title", name, "version", "test"),
                                "paths",
                                Map.of()));
            } else if (status.matches()) {
                int code = Integer.parseInt(status.group(1));
                respond(
                        exchange,
                        code,
                        "application/problem+json",
                        Map.of(
                                "type", "https://runonce.org/problems/test-" + code,
                                "title", "answered by " + name,
                                "status", code));
            } else {
                if (path.endsWith("/slow")) {
                    // Hold the response like a service stuck on a slow database; the test releases it.
                    awaitRelease();
                }
                respond(exchange, 200, "application/json", echo(exchange, bodyBytes));
            }
        }
    }

    private void awaitRelease() {
        try {
            slowRelease.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> echo(HttpExchange exchange, int bodyBytes) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), values.getFirst()));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("headers", headers);
        echo.put("bodyBytes", bodyBytes);
        return echo;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Map<String, ?> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
