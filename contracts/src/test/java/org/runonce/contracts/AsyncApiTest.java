package org.runonce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document lists every event schema, with its CloudEvents type, and nothing that does not exist. */
class AsyncApiTest {

    static final Pattern PAYLOAD = Pattern.compile("\\$ref: '\\./(schemas/[^']+)'");
    static final Pattern TYPE = Pattern.compile("\"const\"\\s*:\\s*\"(org\\.runonce\\.[^\"]+)\"");

    @Test
    void everyEventSchemaIsListedAndEveryListedSchemaExists() throws Exception {
        String asyncApi = resource("asyncapi.yaml");
        List<String> listed =
                PAYLOAD.matcher(asyncApi).results().map(m -> m.group(1)).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(eventSchemas());
    }

    @Test
    void eachMessageIsNamedAfterTheTypeItsSchemaFixes() throws Exception {
        String asyncApi = resource("asyncapi.yaml");
        for (String schema : eventSchemas()) {
            Matcher type = TYPE.matcher(resource(schema));
            assertThat(type.find()).as("%s fixes its CloudEvents type", schema).isTrue();
            assertThat(asyncApi).contains("name: " + type.group(1));
        }
    }

    static List<String> eventSchemas() throws URISyntaxException, IOException {
        Path root = Path.of(AsyncApiTest.class.getResource("/schemas").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root.resolve("schemas"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".v1.schema.json"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
