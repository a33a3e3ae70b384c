package org.runonce.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON against the schemas under {@code src/main/resources/schemas}; shared with the services' tests through
 * this module's test jar ({@code <type>test-jar</type>}, scope test). A test per event type reads:
 *
 * <pre>{@code
 * var json = EventSchemas.json(CloudEvent.of(..., new ApplicationAccepted(...)));
 * assertThat(EventSchemas.violations("intake/application-accepted.v1.schema.json", json)).isEmpty();
 * }</pre>
 *
 * Schemas name themselves {@code https://runonce.org/schemas/<path>} in {@code $id}; that prefix is mapped to the
 * classpath, so an event-type schema can say {@code "allOf": [{"$ref": "../cloudevent.schema.json"}]}.
 */
public final class EventSchemas {

    private static final String ID_PREFIX = "https://runonce.org/schemas/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventSchemas() {}

    /** The messages of every violation of schema {@code path} (relative to {@code schemas/}) by {@code json}. */
    public static List<String> violations(String path, String json) {
        var schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + path));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /** The JSON a value serializes to with Jackson's defaults, as the services write it. */
    public static String json(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * The schema of an event type: {@code org.runonce.intake.application.accepted.v1} ->
     * {@code intake/application-accepted.v1.schema.json}.
     */
    public static String schemaOf(String type) {
        String[] parts = type.split("\\.");
        return parts[2] + "/" + parts[3] + "-" + parts[4] + "." + parts[5] + ".schema.json";
    }

    /** Violations of the schema of the event's own {@code type} by a structured CloudEvent {@code json}. */
    public static List<String> violationsOfItsType(String json) {
        return violations(schemaOf(MAPPER.readTree(json).get("type").asString()), json);
    }
}
