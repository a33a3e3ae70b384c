package org.runonce.localstack.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for a Spring Boot application in launcher tests: serves {@code /actuator/health},
 * {@code /actuator/health/readiness} and {@code /args} (its command line arguments, one per line) on
 * {@code --server.port}; exits on SIGTERM.
 */
public final class FakeApplication {

    private FakeApplication() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Arrays.stream(args)
                .filter(a -> a.startsWith("--server.port="))
                .map(a -> Integer.parseInt(a.substring("--server.port=".length())))
                .findFirst()
                .orElseThrow();
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--fail"))) {
            System.out.println("failing on purpose");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/args", exchange -> respond(exchange, String.join("\n", args)));
        server.start();
        System.out.println("fake application listening on " + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
