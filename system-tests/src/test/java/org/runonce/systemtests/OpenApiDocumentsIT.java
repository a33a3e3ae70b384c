package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runonce.localstack.LocalPlatform;
import org.runonce.localstack.process.LocalFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI documents in {@code docs/openapi/} are what the running services serve through the gateway: a changed
 * API without an updated document fails here. {@code ./runonce openapi} writes them anew (this test with
 * {@code -Drunonce.openapi.write=true}). Keys are sorted so that a document's diff shows only what changed.
 */
@ExtendWith(SharedPlatform.class)
class OpenApiDocumentsIT {

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final Path DOCUMENTS = LocalFiles.repositoryRoot().resolve("docs/openapi");

    static Http gateway;

    @BeforeAll
    static void gateway(LocalPlatform platform) {
        gateway = new Http(platform.gatewayUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "intake", "approval", "notifications"})
    void theCommittedDocumentIsTheOneTheServiceServes(String service) throws Exception {
        Http.Response response = gateway.get("/api/" + service + "/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        String served = JSON.writeValueAsString(sorted(JSON.readTree(response.body()))) + "\n";
        Path committed = DOCUMENTS.resolve(service + ".json");
        if (Boolean.getBoolean("runonce.openapi.write")) {
            Files.createDirectories(DOCUMENTS);
            Files.writeString(committed, served);
        }
        assertThat(committed)
                .as("docs/openapi/%s.json exists (./runonce openapi writes it)", service)
                .exists();
        assertThat(Files.readString(committed))
                .as(
                        "docs/openapi/%s.json is outdated: the API changed; run ./runonce openapi and commit the diff",
                        service)
                .isEqualTo(served);
    }

    /** The node with every object's keys in order, recursively; arrays keep their order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
