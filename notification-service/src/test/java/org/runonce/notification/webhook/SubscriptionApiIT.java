package org.runonce.notification.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runonce.notification.NotificationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The subscription API: roles, department isolation, validation as problems, the secret never shown. */
@NotificationIT
class SubscriptionApiIT {

    static final String SUBSCRIPTIONS = "/api/notifications/subscriptions";
    static final String PROBLEMS = "https://runonce.org/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    static String body(String url) {
        return """
                {"callbackUrl": "%s", "eventTypes": ["org.runonce.approval.case.decided.v1"],
                 "secret": "0123456789abcdef0123"}""".formatted(url);
    }

    static Receiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver(Instant::now);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDepartmentSystemManagesItsOwnSubscriptionsOnly() throws Exception {
        String created = mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(receiver.url())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(SUBSCRIPTIONS + "/")))
                .andExpect(jsonPath("$.department").value("HRSS"))
                .andExpect(jsonPath("$.clientId").value("hrss-system"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("0123456789abcdef0123"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(created).get("id").asString();

        mvc.perform(get(SUBSCRIPTIONS).with(WebhookDeliveryIT.departmentSystem("HRSS")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(id)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
        mvc.perform(get(SUBSCRIPTIONS + "/" + id).with(WebhookDeliveryIT.departmentSystem("TAX")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get(SUBSCRIPTIONS).with(WebhookDeliveryIT.departmentSystem("TAX")))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.not(hasItem(id))));

        mvc.perform(delete(SUBSCRIPTIONS + "/" + id).with(WebhookDeliveryIT.departmentSystem("HRSS")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.deactivatedAt").exists());
        mvc.perform(get(SUBSCRIPTIONS + "/" + id + "/deliveries").with(WebhookDeliveryIT.departmentSystem("HRSS")))
                .andExpect(status().isOk());
    }

    @Test
    void onlyDepartmentSystemsOfADepartmentSubscribe() throws Exception {
        mvc.perform(post(SUBSCRIPTIONS).contentType(MediaType.APPLICATION_JSON).content(body("http://127.0.0.1/x")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_applicant")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("http://127.0.0.1/x")))
                .andExpect(status().isForbidden());
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_department-system")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("http://127.0.0.1/x")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "no-department"));
    }

    @Test
    void badRequestsAreProblemsListingWhatIsWrong() throws Exception {
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callbackUrl\": \"\", \"eventTypes\": [], \"secret\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("ftp://127.0.0.1/x")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-callback-url"))
                .andExpect(jsonPath("$.title").value("Callback URL refused"));
        // the service's own problem types in Chinese too (its messages_zh_CN.properties)
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("ftp://127.0.0.1/x")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Language", "zh-CN"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-callback-url"))
                .andExpect(jsonPath("$.title").value("回调地址不被接受"));
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("https://user:pw@127.0.0.1/x")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("credentials")));
        mvc.perform(get(SUBSCRIPTIONS + "/" + java.util.UUID.randomUUID() + "/deliveries")
                        .param("limit", "0")
                        .with(WebhookDeliveryIT.departmentSystem("HRSS")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
        mvc.perform(get(SUBSCRIPTIONS + "/not-a-uuid").with(WebhookDeliveryIT.departmentSystem("HRSS")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "type-mismatch"));
    }

    @Test
    void anEndpointThatDoesNotConfirmTheHandshakeIsRefused() throws Exception {
        // nothing listens there: no OPTIONS answer, no WebHook-Allowed-Origin
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("http://127.0.0.1:9/hook")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "callback-handshake-failed"))
                .andExpect(jsonPath("$.detail").value(containsString("WebHook-Allowed-Origin")));
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("HRSS"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("http://127.0.0.1:9/hook")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("回调地址未确认订阅"));
    }

    @Test
    void aDepartmentHasAtMostTheConfiguredNumberOfActiveSubscriptions() throws Exception {
        String limited = "LIMITED-" + Long.toString(System.nanoTime(), 36); // a department of its own per run
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // runonce.notification.webhooks.max-subscriptions-per-department
            String created = mvc.perform(post(SUBSCRIPTIONS)
                            .with(WebhookDeliveryIT.departmentSystem(limited))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(receiver.url())))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            ids.add(json.readTree(created).get("id").asString());
        }
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem(limited))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(receiver.url())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "subscription-limit"))
                .andExpect(jsonPath("$.detail").value(containsString("20")));
        // another department is not affected
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem("UNLIMITED"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(receiver.url())))
                .andExpect(status().isCreated());
        // a deleted one frees its place
        mvc.perform(delete(SUBSCRIPTIONS + "/" + ids.getFirst()).with(WebhookDeliveryIT.departmentSystem(limited)))
                .andExpect(status().isOk());
        mvc.perform(post(SUBSCRIPTIONS)
                        .with(WebhookDeliveryIT.departmentSystem(limited))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(receiver.url())))
                .andExpect(status().isCreated());
    }

    @Test
    void theReceiversOpenApiDocumentIsServedWithoutAToken() throws Exception {
        String served = mvc.perform(get("/api/notifications/webhooks/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.openapi").value("3.1.0"))
                .andExpect(jsonPath("$.webhooks['org.runonce.approval.case.decided.v1'].post.operationId")
                        .value("approvalCaseDecidedV1"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(served)
                .isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("docs/webhooks.openapi.json")));
    }
}
