package org.runonce.starter.security;

import static org.runonce.starter.app.Tokens.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The starter's security on the test application ({@code runonce.service.name=test}, whoami for reviewer and
 * department-head) with signed tokens: the real decoder checks signature, issuer, expiry and audience.
 */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class SecurityIT {

    static final String WHOAMI = "/api/test/whoami";

    @Autowired
    MockMvc mvc;

    @Test
    void withoutATokenTheAnswerIs401AsProblemWithABearerChallenge() throws Exception {
        mvc.perform(get(WHOAMI))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value(WHOAMI))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void tokensForAnotherAudienceFromAnotherIssuerOrExpiredAre401() throws Exception {
        String forIntake = Tokens.token(c -> c.audience(List.of("runonce-gateway", "runonce-intake"))
                .claim("realm_access", java.util.Map.of("roles", List.of("reviewer"))));
        String otherIssuer = Tokens.token(c -> c.issuer("http://evil.example/realms/runonce"));
        String expired = Tokens.token(c -> c.issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));

        for (String token : List.of(forIntake, otherIssuer, expired)) {
            mvc.perform(get(WHOAMI).header(HttpHeaders.AUTHORIZATION, bearer(token)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, Matchers.containsString("invalid_token")))
                    .andExpect(jsonPath("$.type").value("https://runonce.org/problems/unauthorized"));
        }
    }

    @Test
    void aRoleNotAllowedToCallWhoamiGets403AsProblem() throws Exception {
        mvc.perform(get(WHOAMI).header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("zhang.san", null, "applicant"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/forbidden"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void whoamiReturnsTheCallerWithRolesAndDepartment() throws Exception {
        mvc.perform(get(WHOAMI).header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("li.si"))
                .andExpect(jsonPath("$.subject").value("0b7e1c8a-0000-4000-8000-000000000001"))
                .andExpect(jsonPath("$.name").value("Zhang San"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("reviewer")))
                .andExpect(jsonPath("$.department").value("SAMR"))
                .andExpect(jsonPath("$.client").value("runonce-portal"))
                .andExpect(jsonPath("$.service").value("test"));
    }

    @Test
    void methodSecurityRefusesWithAProblemToo() throws Exception {
        mvc.perform(get("/api/test/supervision")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/forbidden"));
        mvc.perform(get("/api/test/supervision")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("zhao.liu", null, "supervisor"))))
                .andExpect(status().isOk());
    }

    @Test
    void servicesMayTestWithSpringSecuritysJwtPostProcessor() throws Exception {
        mvc.perform(get(WHOAMI)
                        .with(jwt().jwt(j ->
                                        j.claim("preferred_username", "wang.wu").claim("department", "TAX"))
                                .authorities(new SimpleGrantedAuthority("ROLE_department-head"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(Matchers.contains("department-head")))
                .andExpect(jsonPath("$.department").value("TAX"));
    }

    @Test
    void healthOpenApiAndPublicPathsNeedNoToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/api/test/public/hello")).andExpect(status().isOk());
        mvc.perform(post("/api/test/public/hello")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/test/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("starter-test"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme")
                        .value("bearer"))
                .andExpect(
                        jsonPath("$.paths['/api/test/whoami'].get.parameters").doesNotExist());
    }
}
