package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.runonce.approval.Tokens.systemAccount;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.runonce.approval.RunningApproval;
import org.runonce.localstack.Keycloak;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Department systems with REAL tokens: Keycloak (the official distribution) boots with this repository's realm, each
 * department's system gets a token by client credentials, and approval validates it itself (issuer, signature,
 * audience). The token carries the department and the department-system role, so the system acts on its cases
 * under its service account and sees nothing of another department's.
 */
class DepartmentSystemTokensIT extends RunningApproval {

    static final Path REALM = Path.of("..", "deploy", "keycloak", "runonce-realm.json");

    static Keycloak keycloak;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        keycloak = Keycloak.builder()
                .port(0)
                .realmFile(REALM.toAbsolutePath())
                .throwawayData()
                .start();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak::issuerUri);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    /** The bearer token Keycloak issues to {@code client} (demo secret {@code <client>-secret}). */
    static RequestPostProcessor bearer(String client) {
        String token = keycloak.clientCredentialsToken(client, client + "-secret");
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    @Test
    void everyDepartmentsSystemIsItsDepartmentsSystem() throws Exception {
        for (String department : List.of("SAMR", "TAX", "PSB", "HRSS", "HSA", "HEALTH", "REALESTATE")) {
            String client = department.toLowerCase(Locale.ROOT) + "-system";
            mvc.perform(get("/api/approval/whoami").with(bearer(client)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.username").value(systemAccount(department)))
                    .andExpect(jsonPath("$.department").value(department))
                    .andExpect(jsonPath("$.roles.length()").value(1))
                    .andExpect(jsonPath("$.roles[0]").value("department-system"))
                    .andExpect(jsonPath("$.client").value(client));
            mvc.perform(get("/api/approval/cases").with(bearer(client))).andExpect(status().isOk());
        }
        // a client without RunOnce's audience is not let in
        mvc.perform(get("/api/approval/cases").with(request -> {
                    request.addHeader(
                            "Authorization",
                            "Bearer " + keycloak.clientCredentialsToken("other-app", "other-app-secret"));
                    return request;
                }))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theSamrSystemActsOnItsCaseAndOtherSystemsSeeNothing() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");

        act(number, "claim", bearer("samr-system"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(systemAccount("SAMR")));
        act(number, "start-review", bearer("samr-system"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        assertThat(auditActors(number).subList(1, 3)).containsOnly(systemAccount("SAMR"));

        for (String other : List.of("tax-system", "hsa-system", "realestate-system")) {
            mvc.perform(get(CASES + number).with(bearer(other))).andExpect(status().isNotFound());
            mvc.perform(get(CASES + number + "/file").with(bearer(other))).andExpect(status().isNotFound());
            act(number, "advance", bearer(other), null).andExpect(status().isNotFound());
            mvc.perform(get("/api/approval/cases").param("open", "false").with(bearer(other)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].number", not(hasItem(number))));
        }
        mvc.perform(get(CASES + number).with(bearer("samr-system")))
                .andExpect(jsonPath("$.step").value("REVIEW"));
    }
}
