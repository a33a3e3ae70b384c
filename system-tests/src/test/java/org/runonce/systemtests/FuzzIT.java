package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input never breaks the platform (issue 16): every operation of the committed OpenAPI documents
 * ({@code docs/openapi/}, which {@link OpenApiDocumentsIT} holds to the running code) is called through the gateway
 * with generated input, as each kind of demo user and without a token: path and query values of every kind (empty,
 * huge, negative, unicode with bidirectional overrides, traversal, SQL), bodies shaped after the operation's schema
 * but with wrong types, missing and extra fields, nulls, deep nesting, too-long strings, and bodies that are not JSON
 * at all. No answer may be a 5xx, and none may carry a stack trace or an exception's class name.
 *
 * <p>Seeded and bounded: {@code -Drunonce.fuzz.seed} (default a fixed seed, so a failure repeats) and
 * {@code -Drunonce.fuzz.cases} per operation (default 8). Path values never name an existing application or case
 * (numbers from a range the demo never reaches), so the other system tests sharing the platform are not disturbed.
 */
@ExtendWith(SharedPlatform.class)
class FuzzIT {

    static final List<String> SERVICES = List.of("catalog", "intake", "approval", "notifications");
    static final List<String> USERS = List.of(
            "zhang.san",
            "clerk.wang",
            "reviewer.samr",
            "head.samr",
            "catalog.admin",
            "supervisor.chen",
            "operator.ma",
            "" /* no token */);
    static final Pattern ROLES = Pattern.compile("Who may call: roles ([a-z, -]+)\\.");
    static final Map<String, String> ROLE_HOLDERS = Map.of(
            "applicant", "zhang.san",
            "window-clerk", "clerk.wang",
            "reviewer", "reviewer.samr",
            "department-head", "head.samr",
            "catalog-admin", "catalog.admin",
            "supervisor", "supervisor.chen",
            "operator", "operator.ma");
    static final Pattern LEAK = Pattern.compile(
            "(?:\\tat |Exception|java\\.[a-z]+\\.|org\\.springframework\\.|org\\.postgresql|SQLState|Caused by)");
    static final List<String> VALUES = List.of(
            "",
            "0",
            "-1",
            "2147483648",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "true",
            "null",
            "330000-2026-999999",
            "330000-2026-999999-SAMR",
            "samr-company-registration",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "' or 1=1 --",
            "张三😀\u202e",
            "\u0000\u0007",
            "𠀀𪚥",
            "a".repeat(3000),
            "2026-02-30",
            "2026-13-01T25:61:00Z",
            "{\"a\":1}");

    static LocalPlatform platform;
    static Http gateway;
    static final Map<String, String> tokens = new LinkedHashMap<>();

    final Random random = new Random(Long.getLong("runonce.fuzz.seed", 20261207L));
    final int cases = Integer.getInteger("runonce.fuzz.cases", 8);
    final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @BeforeAll
    static void platform(LocalPlatform shared) {
        platform = shared;
        gateway = new Http(platform.gatewayUrl());
        for (String user : USERS) {
            tokens.put(user, user.isEmpty() ? null : platform.keycloak().passwordToken(user, PlatformIT.PASSWORD));
        }
    }

    @Test
    void noOperationAnswers5xxOrLeaksInternalsWhateverItIsSent() throws Exception {
        List<String> findings = new ArrayList<>();
        int requests = 0;
        for (String service : SERVICES) {
            JsonNode document =
                    Http.JSON.readTree(Files.readString(OpenApiDocumentsIT.DOCUMENTS.resolve(service + ".json")));
            for (var path : document.get("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase();
                    List<String> allowed = allowed(operation.getValue());
                    for (int i = 0; i < cases; i++) {
                        // mostly a caller the operation admits, so the input reaches the service's checks
                        String user = !allowed.isEmpty() && random.nextInt(4) > 0
                                ? allowed.get(random.nextInt(allowed.size()))
                                : USERS.get(random.nextInt(USERS.size()));
                        Http.Response response =
                                call(document, method, path.getKey(), operation.getValue(), tokens.get(user));
                        requests++;
                        String body = response.body() == null ? "" : response.body();
                        if (response.status() >= 500 || LEAK.matcher(body).find()) {
                            findings.add("%s as %s -> %d %s"
                                    .formatted(
                                            response.raw().request().method() + " "
                                                    + response.raw().uri().getRawPath(),
                                            user.isEmpty() ? "anonymous" : user,
                                            response.status(),
                                            body.substring(0, Math.min(300, body.length()))));
                        }
                    }
                }
            }
        }
        System.out.printf("FuzzIT: %d requests, %d findings%n", requests, findings.size());
        assertThat(requests).isGreaterThan(500);
        assertThat(findings).as("answers that are 5xx or leak internals").isEmpty();
    }

    /** The demo users holding a role the operation's description names ("Who may call: roles a, b."). */
    static List<String> allowed(JsonNode operation) {
        Matcher roles = ROLES.matcher(operation.path("description").asString(""));
        if (!roles.find()) {
            return List.of();
        }
        return Stream.of(roles.group(1).split(",\\s*"))
                .map(ROLE_HOLDERS::get)
                .filter(Objects::nonNull)
                .toList();
    }

    private Http.Response call(JsonNode document, String method, String template, JsonNode operation, String token) {
        StringBuilder path = new StringBuilder(template);
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String value = value(document, parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    int at = path.indexOf("{" + name + "}");
                    path.replace(at, at + name.length() + 2, encode(value.isEmpty() ? "x" : value));
                }
                case "query" -> {
                    if (random.nextInt(4) > 0) {
                        query.add(encode(name) + "=" + encode(value));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean() && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        headers.put(name, value);
                    }
                }
                default -> {}
            }
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        byte[] body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            String mediaType = content.propertyNames().iterator().next();
            Body generated = body(document, mediaType, content.path(mediaType).path("schema"));
            headers.put("Content-Type", random.nextInt(8) == 0 ? "text/plain" : generated.contentType());
            body = generated.bytes();
        }
        Http.Response response = gateway.exchange(method, path.toString(), token, body, headers);
        for (int waits = 0; response.status() == 429 && waits < 20; waits++) {
            // the gateway's per-client rate limit: a legitimate answer, but the case is not exercised yet
            LockSupport.parkNanos(250_000_000L);
            response = gateway.exchange(method, path.toString(), token, body, headers);
        }
        return response;
    }

    record Body(byte[] bytes, String contentType) {}

    private Body body(JsonNode document, String mediaType, JsonNode schema) {
        if (mediaType.startsWith("multipart/")) {
            String boundary = "fuzz" + UUID.randomUUID();
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + pick().replace("\"", "") + "\"\r\nContent-Type: application/pdf\r\n\r\n" + pick() + "\r\n--"
                    + boundary + "--\r\n";
            return new Body(part.getBytes(StandardCharsets.UTF_8), mediaType + "; boundary=" + boundary);
        }
        String text = switch (random.nextInt(6)) {
            case 0 -> pick(); // not JSON, or a JSON scalar
            case 1 -> "[" + instance(document, schema, 0) + "]";
            case 2 -> "{".repeat(2000);
            default -> instance(document, schema, 0).toString();
        };
        return new Body(text.getBytes(StandardCharsets.UTF_8), mediaType);
    }

    /** A value shaped after {@code schema}, but wrong one time in three: another type, null, or an odd value. */
    private JsonNode instance(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 6 || random.nextInt(3) == 0) {
            return odd();
        }
        String type = resolved.path("type").isArray()
                ? resolved.path("type").path(0).asString()
                : resolved.path("type").asString("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (var property : resolved.path("properties").properties()) {
                    if (random.nextInt(5) > 0) {
                        object.set(property.getKey(), instance(document, property.getValue(), depth + 1));
                    }
                }
                if (random.nextInt(4) == 0) {
                    object.set(pick(), odd());
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(instance(document, resolved.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(random.nextInt(7) - 3);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default ->
                resolved.path("enum").isArray() && random.nextBoolean()
                        ? resolved.path("enum")
                                .path(random.nextInt(resolved.path("enum").size()))
                        : nodes.stringNode(pick());
        };
    }

    private JsonNode odd() {
        return switch (random.nextInt(7)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(Long.MAX_VALUE);
            case 2 -> nodes.numberNode(-1.5e300);
            case 3 -> nodes.booleanNode(true);
            case 4 -> nodes.arrayNode().add(pick());
            case 5 -> nodes.objectNode().put(pick(), pick());
            default -> nodes.stringNode(pick());
        };
    }

    private String value(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.path("enum").isArray() && random.nextBoolean()) {
            return resolved.path("enum")
                    .path(random.nextInt(resolved.path("enum").size()))
                    .asString();
        }
        return pick();
    }

    private JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            return document.at(ref.substring(1));
        }
        return schema;
    }

    private String pick() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
