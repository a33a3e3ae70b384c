package org.runonce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/** One Swagger UI at the gateway lists every service's OpenAPI document, fetched through the gateway. */
class SwaggerUiIT extends GatewayITSupport {

    @Test
    void swaggerUiConfigListsTheFourServicesDocuments() {
        Map<String, Object> config = gateway()
                .get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(config).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
        assertThat(urls)
                .extracting(url -> url.get("name") + " " + url.get("url"))
                .containsExactlyInAnyOrder(
                        "catalog /api/catalog/v3/api-docs",
                        "intake /api/intake/v3/api-docs",
                        "approval /api/approval/v3/api-docs",
                        "notification /api/notifications/v3/api-docs");
    }

    @Test
    void servesTheSwaggerUiWithoutToken() {
        String location = gateway()
                .get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);

        assertThat(location).isNotNull();
        gateway()
                .get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("swagger-ui"));
    }

    @Test
    void eachListedDocumentIsServedThroughTheGatewayWithoutToken() {
        for (Downstream downstream : Downstream.values()) {
            gateway()
                    .get()
                    .uri(downstream.paths().getFirst().replace("/**", "/v3/api-docs"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.info.title")
                    .isEqualTo(downstream.id());
        }
    }
}
