package org.runonce.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API as the benchmarks call it, through the gateway (or straight at a service) with real Keycloak
 * tokens:
 * tokens, document uploads, submissions that are accepted at once (a company registration with every material
 * uploaded beforehand), JSON calls.
 */
final class Api {

    static final String PASSWORD = "runonce";
    static final String ITEM = "samr-company-registration";
    static final List<String> MATERIALS = List.of(
            "COMPANY_REGISTRATION_APPLICATION",
            "ARTICLES_OF_ASSOCIATION",
            "ID_CARD",
            "PREMISES_PROOF",
            "OFFICER_APPOINTMENTS");
    static final String APPLICATIONS = "/api/intake/applications";
    static final String QUEUE = "/api/approval/cases";
    static final String CASES = QUEUE + "/";

    private static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    // Keycloak's access tokens live 30 minutes; a fresh one well before that
    private static final Duration TOKEN_AGE = Duration.ofMinutes(20);

    /** A demo applicant with a set of uploaded materials that every submission of theirs references. */
    record Applicant(String user, String name, List<Map<String, Object>> materials) {}

    /** An answer: status and JSON body (null when there is none). */
    record Response(int status, JsonNode body) {
        String text(String field) {
            return body == null || !body.has(field) ? null : body.get(field).asString();
        }
    }

    /** A submission's outcome: accepted when 201 with status ACCEPTED. */
    record Submitted(int status, String number, String applicationStatus) {
        boolean accepted() {
            return status == 201 && "ACCEPTED".equals(applicationStatus);
        }

        String firstCase() {
            return number + "-01";
        }
    }

    private record Token(String value, Instant fetched) {}

    final JsonMapper json = JsonMapper.builder().build();
    private final LocalPlatform platform;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** Through the gateway. */
    Api(LocalPlatform platform) {
        this(platform, platform.gatewayUrl());
    }

    /** Straight at {@code baseUrl}, e.g. a service's own URL, to compare with the gateway. */
    Api(LocalPlatform platform, String baseUrl) {
        this.platform = platform;
        this.baseUrl = baseUrl;
    }

    /** A demo user's access token (password grant), fetched again after 20 minutes. */
    String token(String user) {
        Token token = tokens.compute(
                user,
                (u, t) -> t == null || t.fetched().plus(TOKEN_AGE).isBefore(Instant.now())
                        ? new Token(platform.keycloak().passwordToken(u, PASSWORD), Instant.now())
                        : t);
        return token.value();
    }

    /** A department system's access token (client credentials). */
    String systemToken(String client, String secret) {
        return platform.keycloak().clientCredentialsToken(client, secret);
    }

    /** The demo applicants taken in turn; each one's materials uploaded once, in setup. */
    static final class Applicants {
        private final List<Applicant> all;
        private final AtomicInteger next = new AtomicInteger();

        Applicants(List<Applicant> all) {
            this.all = all;
        }

        Applicant first() {
            return all.getFirst();
        }

        Applicant next() {
            return all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        }
    }

    /** {@code zhang.san} and {@code li.si} with their materials uploaded: setup, outside any measured part. */
    Applicants demoApplicants() throws Exception {
        return new Applicants(List.of(applicant("zhang.san", "张三"), applicant("li.si", "李四")));
    }

    /** Uploads one PDF per material of {@link #ITEM}: setup, outside any measured part. */
    Applicant applicant(String user, String name) throws Exception {
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String code : MATERIALS) {
            materials.add(Map.of("code", code, "documentId", upload(token(user))));
        }
        return new Applicant(user, name, materials);
    }

    String upload(String token) throws Exception {
        String boundary = "runonce-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"material.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = request("/api/intake/documents", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, PDF, tail)))
                .build();
        Response response = send(request);
        if (response.status() != 201) {
            throw new IllegalStateException("Upload refused with " + response.status() + ": " + response.body());
        }
        return response.text("id");
    }

    /**
     * Submits a company registration with a fresh Idempotency-Key, online in the applicant's own name: the verified
     * identity of the demo user's token (the body names nobody else).
     */
    Submitted submit(Applicant applicant) throws Exception {
        String company = "杭州基准" + ThreadLocalRandom.current().nextInt(1_000_000) + "科技有限公司";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemCode", ITEM);
        body.put(
                "applicant",
                Map.of("type", "NATURAL_PERSON", "locale", "zh-CN", "email", applicant.user() + "@example.com"));
        body.put(
                "form",
                Map.of(
                        "companyName",
                        company,
                        "registeredCapitalYuan",
                        1_000_000,
                        "businessScope",
                        "软件开发；信息技术咨询服务",
                        "registeredAddress",
                        "杭州市西湖区文三路1号",
                        "legalRepresentativeName",
                        applicant.name()));
        body.put("materials", applicant.materials());
        Response response = post(
                token(applicant.user()),
                APPLICATIONS,
                body,
                "Idempotency-Key",
                UUID.randomUUID().toString());
        return new Submitted(response.status(), response.text("number"), response.text("status"));
    }

    Response post(String token, String path, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response get(String token, String path) throws Exception {
        return send(request(path, token).build());
    }

    /** The status of a GET, body discarded. */
    int status(String token, String path) throws Exception {
        return http.send(request(path, token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * Waits until {@code check} holds, checking every {@code every}; false after {@code timeout}.
     */
    static boolean await(Duration timeout, Duration every, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(every);
        }
        return false;
    }

    /** A condition polled by {@link #await}. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Waits until a submission is accepted and its case is visible to SAMR's reviewer: the demo catalog seeded by
     * catalog-service has reached intake and approval over Kafka.
     */
    void awaitCatalog(Applicant applicant) throws Exception {
        boolean ready = await(Duration.ofMinutes(3), Duration.ofSeconds(1), () -> {
            Submitted submitted = submit(applicant);
            return submitted.accepted()
                    && await(
                            Duration.ofSeconds(20),
                            Duration.ofMillis(200),
                            () -> status(token("reviewer.samr"), CASES + submitted.firstCase()) == 200);
        });
        if (!ready) {
            throw new IllegalStateException("No submission was accepted and opened as a case within 3 minutes");
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode node = null;
        if (body != null
                && !body.isBlank()
                && (body.strip().startsWith("{") || body.strip().startsWith("["))) {
            node = json.readTree(body);
        }
        return new Response(response.statusCode(), node);
    }
}
