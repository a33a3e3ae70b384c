package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.notification.WebhookSignatures;
import org.runonce.notification.NotificationProperties;

/**
 * A request the real sender delivered over HTTP, verified as receivers do: with the algorithm of the Standard Webhooks
 * specification written here independently of the sender, and with the Python and Node snippets of
 * {@code docs/webhook-receivers.md} run by {@code python3} and {@code node} (skipped where they are not installed).
 * The older {@code X-RunOnce-Signature} header still verifies, so existing receivers keep working.
 */
class ReceiverSignaturesTest {

    static final String SECRET = "s3cr3t-of-the-department-系统";
    static final Path DOC = Path.of("docs/webhook-receivers.md");

    static HttpServer server;
    static WebhookSender sender;
    static Map<String, String> headers;
    static byte[] body;

    @BeforeAll
    static void deliverOne() throws Exception {
        var received = new java.util.concurrent.CompletableFuture<Map<String, String>>();
        var receivedBody = new java.util.concurrent.CompletableFuture<byte[]>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                receivedBody.complete(exchange.getRequestBody().readAllBytes());
                Map<String, String> h = new HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
                received.complete(h);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        sender = new WebhookSender(
                new CallbackUrls(true),
                new NotificationProperties.Webhooks.Http(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                CircuitBreakerRegistry.ofDefaults(),
                "runonce");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        Instant now = Instant.now();
        var delivery = new Delivery(
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                "e-1",
                "org.runonce.approval.case.decided.v1",
                "A-1",
                "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"name\":\"张三\"}}",
                Delivery.State.PENDING,
                0,
                now,
                now,
                now,
                null,
                null,
                null,
                null);
        var subscription =
                new Subscription(UUID.randomUUID(), "SAMR", "samr-system", url, List.of("*"), SECRET, true, now, null);
        assertThat(sender.send(subscription, delivery, now).succeeded()).isTrue();
        headers = received.get(10, TimeUnit.SECONDS);
        body = receivedBody.get(10, TimeUnit.SECONDS);
        assertThat(headers.get("webhook-id")).isEqualTo(delivery.id().toString());
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        sender.close();
    }

    /** The Standard Webhooks algorithm, as the specification states it, not the sender's code. */
    static boolean verify(String secret, Map<String, String> headers, byte[] body) throws GeneralSecurityException {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String entry : headers.get("webhook-signature").split(" ")) {
            if (entry.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    static byte[] changed(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace("张三", "李四").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theStandardWebhooksHeadersVerify() throws Exception {
        assertThat(headers.get("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(verify(SECRET, headers, body)).isTrue();
        assertThat(verify(SECRET, headers, changed(body))).isFalse();
        assertThat(verify("another-secret-entirely", headers, body)).isFalse();
    }

    @Test
    void theOlderHeaderStillVerifiesForExistingReceivers() {
        long now = Instant.now().getEpochSecond();
        assertThat(WebhookSignatures.verify(SECRET, headers.get("x-runonce-signature"), body, now, 300))
                .isTrue();
        assertThat(headers.get("content-type")).startsWith("application/cloudevents+json");
    }

    @Test
    void theJavaSnippetOfTheDocsIsTheAlgorithmThisTestUses() throws IOException {
        String snippet = snippet("java");
        assertThat(snippet.replaceAll("\\s+", ""))
                .contains("mac.update((id+\".\"+timestamp+\".\").getBytes(StandardCharsets.UTF_8));")
                .contains("MessageDigest.isEqual(expected,Base64.getDecoder().decode(entry.substring(3)))");
    }

    @Test
    void thePythonSnippetOfTheDocsVerifies() throws Exception {
        assumeTrue(installed("python3"), "python3 is not installed");
        String script = snippet("python") + """

                import json, os, sys
                headers = json.loads(os.environ["HEADERS"])
                print(verify(os.environ["SECRET"], headers, sys.stdin.buffer.read()))
                """;
        assertThat(run(List.of("python3", "-c", script), body)).isEqualTo("True");
        assertThat(run(List.of("python3", "-c", script), changed(body))).isEqualTo("False");
    }

    @Test
    void theNodeSnippetOfTheDocsVerifies() throws Exception {
        assumeTrue(installed("node"), "node is not installed");
        String script = snippet("js") + """

                const chunks = [];
                process.stdin.on("data", (c) => chunks.push(c));
                process.stdin.on("end", () =>
                  console.log(String(verify(process.env.SECRET, JSON.parse(process.env.HEADERS), Buffer.concat(chunks)))));
                """;
        assertThat(run(List.of("node", "-e", script), body)).isEqualTo("true");
        assertThat(run(List.of("node", "-e", script), changed(body))).isEqualTo("false");
    }

    /** The first fenced code block of {@code language} in the receivers' document. */
    static String snippet(String language) throws IOException {
        var matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(matcher.find()).as("a ```%s block in %s", language, DOC).isTrue();
        return matcher.group(1);
    }

    static boolean installed(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String run(List<String> command, byte[] stdin) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SECRET", SECRET);
        builder.environment()
                .put(
                        "HEADERS",
                        new tools.jackson.databind.json.JsonMapper()
                                .writeValueAsString(Map.of(
                                        "webhook-id", headers.get("webhook-id"),
                                        "webhook-timestamp", headers.get("webhook-timestamp"),
                                        "webhook-signature", headers.get("webhook-signature"))));
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
