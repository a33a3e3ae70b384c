package org.runonce.notification.webhook;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A department system subscribing through the API, for the webhook ITs: the new subscription's id. */
final class Subscribing {

    static final String SECRET = "s3cret-of-at-least-16";

    private Subscribing() {}

    static String subscribe(MockMvc mvc, JsonMapper json, String department, String url, List<String> eventTypes)
            throws Exception {
        String body = json.writeValueAsString(Map.of("callbackUrl", url, "eventTypes", eventTypes, "secret", SECRET));
        String response = mvc.perform(post("/api/notifications/subscriptions")
                        .with(WebhookDeliveryIT.departmentSystem(department))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }
}
