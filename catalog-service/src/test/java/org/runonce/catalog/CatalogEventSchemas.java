package org.runonce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

/** Test support: a catalog event's data in its CloudEvent envelope, checked against the contract's schema. */
public final class CatalogEventSchemas {

    public static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogEventSchemas() {}

    /** Asserts that {@code data} in its envelope satisfies the schema of {@code type}. */
    public static void assertValid(String type, String subject, String department, Object data) {
        String json = JSON.writeValueAsString(envelope(type, subject, department, data));
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(type), json))
                .as(json)
                .isEmpty();
    }

    /** What the schema of {@code type} finds wrong with {@code data} in its envelope. */
    public static List<String> violations(String type, String subject, String department, Object data) {
        return EventSchemas.violations(
                EventSchemas.schemaOf(type), JSON.writeValueAsString(envelope(type, subject, department, data)));
    }

    private static CloudEvent<Object> envelope(String type, String subject, String department, Object data) {
        return CloudEvent.of("5f0c6f3e-1c1e-4c55-9d6c-0d1d2f0b7a11", "/runonce/catalog", type, NOW, subject, data)
                .inDepartment(department);
    }
}
