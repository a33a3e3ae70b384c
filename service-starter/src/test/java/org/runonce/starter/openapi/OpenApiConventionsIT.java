package org.runonce.starter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.StarterTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test application's OpenAPI document follows {@link ApiConventions}: what a client generator needs (unique
 * operation ids, the real error media type and schema, which operations need no token) is in it.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class OpenApiConventionsIT {

    @Autowired
    MockMvc mvc;

    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        String body = mvc.perform(get("/api/test/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        document = JsonMapper.builder().build().readTree(body);
    }

    @Test
    void operationIdsNameTheControllerAndAreUnique() {
        List<String> ids = new ArrayList<>();
        document.get("paths")
                .forEach(item -> item.forEach(
                        operation -> ids.add(operation.get("operationId").asString())));
        assertThat(ids).doesNotHaveDuplicates().contains("noteCreate", "noteByNumber", "noteSupervision");
        assertThat(ids).noneMatch(id -> id.matches(".*_\\d+"));
    }

    @Test
    void errorsAreProblemsWithTheProblemSchema() {
        JsonNode byNumber = operation("/api/test/notes/{number}", "get");
        assertThat(byNumber.get("responses").propertyNames()).contains("400", "401", "404");
        byNumber.get("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("4")) {
                assertThat(response.getValue()
                                .at("/content/application~1problem+json/schema/$ref")
                                .asString())
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(response.getValue().at("/content").propertyNames())
                        .containsExactly("application/problem+json");
            }
        });
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.at("/components/schemas/FieldProblem/properties").propertyNames())
                .contains("field", "message", "code");
    }

    @Test
    void rolesAndPublicOperationsAreDescribed() {
        JsonNode supervision = operation("/api/test/supervision", "get");
        assertThat(supervision.get("description").asString()).contains("roles supervisor");
        assertThat(supervision.get("responses").propertyNames()).contains("401", "403");

        JsonNode hello = operation("/api/test/public/hello", "get");
        assertThat(hello.get("security")).isEmpty();
        assertThat(hello.get("description").asString()).contains("No token needed");
        assertThat(hello.get("responses").propertyNames()).doesNotContain("401", "403");
    }

    @Test
    void theServerIsTheGatewayAndTheTagsAreDeclared() {
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(document.at("/info/description").asString()).isNotBlank();
        List<String> declared = new ArrayList<>();
        document.get("tags").forEach(tag -> declared.add(tag.get("name").asString()));
        document.get("paths")
                .forEach(item -> item.forEach(operation -> operation
                        .path("tags")
                        .forEach(tag -> assertThat(declared).contains(tag.asString()))));
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }
}
