package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hall's operations in the served OpenAPI document as the portal client checks want them: summary, description,
 * an example of every JSON request body; the portals' reads open without a token.
 */
class HallOpenApiIT extends HallIT {

    @Test
    void everyHallOperationIsDescribedWithExamples() throws Exception {
        JsonNode document = getJson(anonymous(), "/api/intake/v3/api-docs", 200);
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith(HALL)) {
                continue;
            }
            for (var method : path.getValue().properties()) {
                operations++;
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                if (operation.path("summary").asString("").isBlank()) {
                    missing.add(where + ": summary");
                }
                if (operation.path("description").asString("").isBlank()) {
                    missing.add(where + ": description");
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode()) {
                    JsonNode schema = body.path("schema");
                    if (schema.has("$ref")) {
                        schema = document.at(schema.get("$ref").asString().substring(1));
                    }
                    if (!schema.has("example") && !body.has("example")) {
                        missing.add(where + ": an example of the request body");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(operations).isEqualTo(18);
        assertThat(document.at("/paths/~1api~1intake~1hall~1service-points~1{code}~1slots/get/security")
                                .isMissingNode()
                        || document.at("/paths/~1api~1intake~1hall~1service-points~1{code}~1slots/get/security")
                                .isEmpty())
                .as("the free slots need no token")
                .isTrue();
        assertThat(document.at("/components/schemas/BookingRequest/example/servicePoint")
                        .asString())
                .isEqualTo("xihu-hall");
    }
}
