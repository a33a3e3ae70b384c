package org.runonce.intake;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates event JSON against the contracts' schemas ({@code classpath:schemas/}, named
 * {@code https://runonce.org/schemas/<path>}).
 */
public final class EventSchemas {

    private static final String ID_PREFIX = "https://runonce.org/schemas/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));

    private EventSchemas() {}

    /** Every violation of {@code schemas/<path>} by {@code json}, as messages. */
    public static List<String> violations(String path, String json) {
        var schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + path));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /**
     * The schema of an event type: {@code org.runonce.intake.application.accepted.v1} ->
     * {@code intake/application-accepted.v1.schema.json}, {@code org.runonce.catalog.item-version.published.v1} ->
     * {@code catalog/item-version-published.v1.schema.json}.
     */
    public static String schemaOf(String type) {
        String[] parts = type.split("\\.");
        return parts[2] + "/" + parts[3] + "-" + parts[4] + "." + parts[5] + ".schema.json";
    }
}
