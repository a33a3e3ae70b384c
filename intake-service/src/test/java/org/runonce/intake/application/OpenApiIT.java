package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists the intake API with its examples, without a token. */
class OpenApiIT extends IntakeIT {

    @Test
    void theDocumentDescribesEveryPathWithExamples() throws Exception {
        String body = mvc.perform(get("/api/intake/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode document = json.readTree(body);
        assertThat(document.get("paths").propertyNames())
                .contains(
                        "/api/intake/applications",
                        "/api/intake/applications/{number}",
                        "/api/intake/applications/{number}/supplements",
                        "/api/intake/applications/{number}/pledge",
                        "/api/intake/applications/{number}/refusal",
                        "/api/intake/applications/{number}/withdrawal",
                        "/api/intake/applications/{number}/visits",
                        "/api/intake/applications/{number}/delivery",
                        "/api/intake/applications/{number}/evaluation",
                        "/api/intake/applications/{number}/receipt",
                        "/api/intake/applications/{number}/notices/{noticeNumber}/document",
                        "/api/intake/documents",
                        "/api/intake/documents/{id}/content",
                        "/api/intake/statistics",
                        "/api/intake/supervision/follow-ups");
        assertThat(body)
                .contains("company-startup")
                .contains("validation-failed")
                .contains("Idempotency-Key");
    }
}
