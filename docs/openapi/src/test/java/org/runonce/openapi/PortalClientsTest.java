package org.runonce.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a portal team does with the documents in this folder, with the tools they would use, from the npm registry:
 * lint them with spectral's {@code oas} ruleset (no error allowed) and compile the TypeScript clients that
 * openapi-generator's {@code typescript-fetch} wrote from them in this build, together with a portal's use of one
 * ({@code src/test/typescript/portal.ts}). Needs Node.js with {@code npx} (Debian: {@code apt-get install npm}).
 */
class PortalClientsTest {

    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    static final String TYPESCRIPT = "typescript@5.9.3";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> DOCUMENTS = List.of("catalog.json", "intake.json", "approval.json", "notifications.json");

    @Test
    void spectralsOasRulesetFindsNoError() throws Exception {
        List<String> command = new ArrayList<>(
                List.of("npx", "--yes", SPECTRAL, "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "error"));
        command.addAll(DOCUMENTS);
        Run lint = run(Path.of(""), command);
        assertThat(lint.exitCode()).as("spectral lint:%n%s", lint.output()).isZero();
        assertThat(lint.output()).doesNotContain(" error ");
    }

    @Test
    void everyOperationIsDescribedAsAClientGeneratorAndItsReaderNeed() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : DOCUMENTS) {
            JsonNode document = JSON.readTree(Files.readString(Path.of(name)));
            Set<String> ids = new HashSet<>();
            for (var path : document.get("paths").properties()) {
                for (var method : path.getValue().properties()) {
                    String where = name + " " + method.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = method.getValue();
                    if (!ids.add(operation.path("operationId").asString(""))) {
                        missing.add(where + ": operationId missing or not unique");
                    }
                    if (operation.path("summary").asString("").isBlank()) {
                        missing.add(where + ": summary");
                    }
                    if (operation.path("description").asString("").isBlank()) {
                        missing.add(where + ": description");
                    }
                    for (var response : operation.path("responses").properties()) {
                        if (response.getKey().matches("[45]\\d\\d")
                                && !response.getValue().path("content").has("application/problem+json")) {
                            missing.add(where + ": " + response.getKey() + " as application/problem+json");
                        }
                    }
                    JsonNode json =
                            operation.path("requestBody").path("content").path("application/json");
                    if (!json.isMissingNode() && !exemplified(document, json)) {
                        missing.add(where + ": an example of the request body");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** An example on the media type, on its schema, or on every property of its schema. */
    private static boolean exemplified(JsonNode document, JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        JsonNode schema = media.path("schema");
        if (schema.has("$ref")) {
            schema = document.at(schema.get("$ref").asString().substring(1));
        }
        if (schema.has("example")) {
            return true;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            return false;
        }
        for (JsonNode property : properties) {
            boolean items = property.path("items").has("example")
                    || property.path("items").has("$ref");
            if (!(property.has("example")
                    || property.has("examples")
                    || property.has("$ref")
                    || items
                    || property.has("description"))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theGeneratedTypeScriptClientsCompileWithAPortalUsingThem() throws Exception {
        Path clients = Path.of(System.getProperty("runonce.clients", "target/clients"));
        List<String> sources = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Path index = clients.resolve(document.replace(".json", "")).resolve("index.ts");
            assertThat(index).as("openapi-generator wrote %s", index).exists();
            sources.add(index.toString());
        }
        Path portal = clients.resolve("portal.ts");
        Files.copy(Path.of("src/test/typescript/portal.ts"), portal, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        sources.add(portal.toString());
        List<String> command = new ArrayList<>(List.of(
                "npx",
                "--yes",
                "-p",
                TYPESCRIPT,
                "tsc",
                "--noEmit",
                "--strict",
                "--target",
                "es2020",
                "--lib",
                "es2020,dom",
                "--module",
                "es2020",
                "--moduleResolution",
                "bundler"));
        command.addAll(sources);
        Run tsc = run(Path.of(""), command);
        assertThat(tsc.exitCode()).as("tsc:%n%s", tsc.output()).isZero();
    }

    record Run(int exitCode, String output) {}

    static Run run(Path directory, List<String> command) throws IOException, InterruptedException {
        boolean npx = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "npx")));
        assertThat(npx)
                .as("npx is on the PATH (Node.js 18 or newer; Debian: apt-get install npm)")
                .isTrue();
        Process process = new ProcessBuilder(command)
                .directory(directory.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finished", command)
                .isTrue();
        System.out.println(String.join(" ", command) + "\n" + output);
        return new Run(process.exitValue(), output);
    }
}
