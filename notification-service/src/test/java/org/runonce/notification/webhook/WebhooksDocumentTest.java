package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/webhooks.openapi.json}, the receivers' OpenAPI 3.1 document, is what the contracts say: generated here
 * from the event schemas of the {@code contracts} jar (bundled into {@code components/schemas}, references rewritten)
 * and compared with the checked-in file, which the service serves. A changed event schema without the regenerated
 * document fails the build; {@code -Dwebhooks.document.write=true} rewrites the file. The document parses as OpenAPI
 * 3.1 without messages (swagger-parser).
 */
class WebhooksDocumentTest {

    static final Path DOCUMENT = Path.of("docs/webhooks.openapi.json");
    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The event types department systems can subscribe to, by their schema in the contracts jar. */
    static final List<String> EVENT_SCHEMAS = List.of(
            "approval/case-opened.v1",
            "approval/case-started.v1",
            "approval/case-review-started.v1",
            "approval/case-step-advanced.v1",
            "approval/case-supplement-requested.v1",
            "approval/case-suspended.v1",
            "approval/case-resumed.v1",
            "approval/case-warning.v1",
            "approval/case-overdue.v1",
            "approval/case-decided.v1",
            "approval/case-withdrawn.v1",
            "approval/certificate-issued.v1",
            "approval/certificate-revoked.v1",
            "intake/application-accepted.v1",
            "intake/application-materials-supplied.v1",
            "intake/application-withdrawn.v1");

    @Test
    void theCheckedInDocumentIsTheOneTheContractsMake() throws IOException {
        String generated = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("webhooks.document.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("%s is outdated: run this test with -Dwebhooks.document.write=true and commit it", DOCUMENT)
                .isEqualTo(generated);
    }

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        var result = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, null);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getWebhooks())
                .containsKeys(
                        "org.runonce.approval.case.decided.v1",
                        "org.runonce.intake.application.accepted.v1",
                        "subscription-validation");
    }

    static Map<String, Object> document() throws IOException {
        Map<String, JsonNode> schemas = new TreeMap<>();
        Deque<String> toBundle = new ArrayDeque<>(EVENT_SCHEMAS);
        while (!toBundle.isEmpty()) {
            String file = toBundle.pop();
            if (!schemas.containsKey(name(file))) {
                JsonNode schema = read(file);
                List<String> referenced = new ArrayList<>();
                rewriteRefs(schema, file, referenced);
                ((ObjectNode) schema).remove(List.of("$id", "$schema"));
                schemas.put(name(file), schema);
                toBundle.addAll(referenced);
            }
        }

        Map<String, Object> webhooks = new LinkedHashMap<>();
        webhooks.put("subscription-validation", map("options", handshake()));
        for (String file : EVENT_SCHEMAS) {
            JsonNode schema = schemas.get(name(file));
            String type = schema.at("/properties/type/const").asString();
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("operationId", operationId(type));
            post.put("summary", schema.path("title").asString());
            post.put("description", schema.path("description").asString());
            post.put("tags", List.of(file.substring(0, file.indexOf('/'))));
            post.put(
                    "parameters",
                    List.of(
                            ref("parameters", "webhook-id"),
                            ref("parameters", "webhook-timestamp"),
                            ref("parameters", "webhook-signature"),
                            ref("parameters", "X-RunOnce-Delivery"),
                            ref("parameters", "X-RunOnce-Signature")));
            post.put(
                    "requestBody",
                    map(
                            "required",
                            true,
                            "content",
                            map("application/cloudevents+json", map("schema", ref("schemas", name(file))))));
            post.put("responses", responses());
            webhooks.put(type, map("post", post));
        }

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put(
                "info",
                map(
                        "title",
                        "RunOnce webhooks for department systems",
                        "version",
                        "1",
                        "description",
                        """
                        What a department system's callback URL receives once subscribed \
                        (POST /api/notifications/subscriptions): signed CloudEvents of its own department, in \
                        structured mode, at least once and in order per subject. Signature: Standard Webhooks \
                        (webhook-signature = v1,<base64 HMAC-SHA256 keyed with the subscription's secret of \
                        "<webhook-id>.<webhook-timestamp>.<body>">); X-RunOnce-Signature is the older scheme, kept. \
                        Verification snippets in Java, Python and Node: notification-service/docs/webhook-receivers.md.""",
                        "license",
                        map("name", "Apache-2.0", "identifier", "Apache-2.0")));
        doc.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
        doc.put(
                "tags",
                List.of(
                        map("name", "approval", "description", "Case events of the department's cases"),
                        map(
                                "name",
                                "intake",
                                "description",
                                "An application's events, as the department's view: its cases only"),
                        map("name", "handshake", "description", "Confirming a new subscription")));
        doc.put("paths", map());
        doc.put("webhooks", webhooks);
        doc.put("components", map("parameters", parameters(), "schemas", schemas));
        return doc;
    }

    static Map<String, Object> handshake() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("operationId", "confirmSubscription");
        options.put(
                "summary", "Validation handshake of a new subscription (CloudEvents HTTP webhook, abuse protection)");
        options.put(
                "description",
                "Sent once when the subscription is created. Answer 2xx with WebHook-Allowed-Origin naming the origin"
                        + " (or *); anything else refuses the subscription (422 callback-handshake-failed).");
        options.put("tags", List.of("handshake"));
        options.put("parameters", List.of(ref("parameters", "WebHook-Request-Origin")));
        options.put(
                "responses",
                map(
                        "200",
                        map(
                                "description",
                                "The endpoint wants the events",
                                "headers",
                                map(
                                        "WebHook-Allowed-Origin",
                                        map(
                                                "required",
                                                true,
                                                "description",
                                                "The origin from WebHook-Request-Origin, or *",
                                                "schema",
                                                map("type", "string"))))));
        return options;
    }

    static Map<String, Object> responses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("2XX", map("description", "Stored: the delivery is done"));
        responses.put(
                "default",
                map(
                        "description",
                        "Anything else (a redirect too, it is not followed) or no answer within 10 s: retried with"
                                + " exponential backoff for 24 h, then dead-lettered and replayable"));
        return responses;
    }

    static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(
                "webhook-id",
                header("webhook-id", "The delivery's id, the same on every attempt (Standard Webhooks)", "uuid"));
        parameters.put(
                "webhook-timestamp",
                header("webhook-timestamp", "Unix seconds of this attempt; refuse ones more than 5 minutes off", null));
        parameters.put(
                "webhook-signature",
                header(
                        "webhook-signature",
                        "Space-separated v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\">",
                        null));
        parameters.put("X-RunOnce-Delivery", header("X-RunOnce-Delivery", "Same as webhook-id (older name)", "uuid"));
        parameters.put(
                "X-RunOnce-Signature",
                header(
                        "X-RunOnce-Signature",
                        "The older signature, kept: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">",
                        null));
        parameters.put(
                "WebHook-Request-Origin",
                header("WebHook-Request-Origin", "The platform's name (setting webhooks.request-origin)", null));
        return parameters;
    }

    static Map<String, Object> header(String name, String description, String format) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        if (format != null) {
            schema.put("format", format);
        }
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "header");
        parameter.put("required", true);
        parameter.put("description", description);
        parameter.put("schema", schema);
        return parameter;
    }

    /** A map keeping the order of its entries (Map.of's order changes from one JVM to the next). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> ref(String kind, String name) {
        return map("$ref", "#/components/" + kind + "/" + name);
    }

    /** {@code org.runonce.approval.case.decided.v1} -> {@code approvalCaseDecidedV1}. */
    static String operationId(String type) {
        String[] words = type.substring("org.runonce.".length()).split("[.-]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    /** {@code approval/case-decided.v1} -> {@code approval.case-decided.v1}. */
    static String name(String file) {
        return file.replace('/', '.');
    }

    static JsonNode read(String file) throws IOException {
        try (InputStream in = WebhooksDocumentTest.class.getResourceAsStream("/schemas/" + file + ".schema.json")) {
            assertThat(in)
                    .as("schemas/%s.schema.json in the contracts jar", file)
                    .isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every {@code $ref} of {@code node} (in {@code file}) pointed into {@code components/schemas}. */
    static void rewriteRefs(JsonNode node, String file, List<String> referenced) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                String value = ref.asString();
                int hash = value.indexOf('#');
                String target = hash < 0 ? value : value.substring(0, hash);
                String pointer = hash < 0 ? "" : value.substring(hash + 1);
                String targetFile = file;
                if (!target.isEmpty()) {
                    String resolved =
                            URI.create("s:/" + file).resolve(target).getPath().substring(1);
                    targetFile = resolved.substring(0, resolved.length() - ".schema.json".length());
                    referenced.add(targetFile);
                }
                object.put("$ref", "#/components/schemas/" + name(targetFile) + pointer);
            }
        }
        for (JsonNode child : node) {
            rewriteRefs(child, file, referenced);
        }
    }
}
