package org.runonce.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Boots real Keycloak from the official distribution with the runonce realm imported, on a random port. */
class KeycloakIT {

    private static final List<String> RUNONCE_AUDIENCES =
            List.of("runonce-gateway", "runonce-catalog", "runonce-intake", "runonce-approval", "runonce-notification");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static Keycloak keycloak;

    @BeforeAll
    static void start() {
        keycloak = Keycloak.startForTests();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
            assertThat(keycloak.dataDirectory()).doesNotExist();
        }
    }

    @Test
    void importsTheRealmWithItsIssuer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("issuer").asString())
                .isEqualTo("http://localhost:" + keycloak.port() + "/realms/runonce");
    }

    @Test
    void departmentHeadTokenCarriesRolesDepartmentAndEveryRunonceAudience() {
        JsonNode claims = claims(keycloak.passwordToken("head.samr", "runonce"));

        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.path("preferred_username").asString()).isEqualTo("head.samr");
        assertThat(strings(claims.path("realm_access").path("roles")))
                .contains("department-head", "reviewer")
                .doesNotContain("applicant", "catalog-admin");
        assertThat(claims.path("department").asString()).isEqualTo("SAMR");
        assertThat(strings(claims.path("aud"))).containsAll(RUNONCE_AUDIENCES);
        assertThat(claims.path("locale").asString()).isEqualTo("zh-CN");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(1800);
    }

    @Test
    void applicantTokenHasNoDepartment() {
        JsonNode claims = claims(keycloak.passwordToken("zhang.san", "runonce"));

        assertThat(strings(claims.path("realm_access").path("roles"))).contains("applicant");
        assertThat(claims.has("department")).isFalse();
        assertThat(claims.path("applicant_type").asString()).isEqualTo("PERSON");
        // the real-name identity the verification recorded, mapped into the access token
        assertThat(claims.path("id_number").asString()).isEqualTo("330106199003071236");
        assertThat(claims.path("verified_name").asString()).isEqualTo("张三");
        assertThat(claims.path("id_type").asString()).isEqualTo("RESIDENT_ID");
        assertThat(strings(claims.path("aud"))).containsAll(RUNONCE_AUDIENCES);
    }

    @Test
    void aCompanysAccountListsTheEntitiesItActsForAndStaffHaveNoVerifiedIdentity() {
        JsonNode acme = claims(keycloak.passwordToken("acme.corp", "runonce"));

        assertThat(strings(acme.path("legal_entities")))
                .containsExactly("91330106MA2B3C4D5D|杭州艾克美科技有限公司|LEGAL_REPRESENTATIVE");
        assertThat(acme.path("verified_name").asString()).isEqualTo("王艾克");
        assertThat(claims(keycloak.passwordToken("clerk.wang", "runonce")).has("id_number"))
                .isFalse();
    }

    @Test
    void everyDemoUserCanLogIn() {
        for (String user : List.of(
                "zhang.san",
                "li.si",
                "acme.corp",
                "clerk.wang",
                "reviewer.samr",
                "reviewer.tax",
                "head.tax",
                "reviewer.psb",
                "head.psb",
                "reviewer.hrss",
                "reviewer.hsa",
                "catalog.admin",
                "supervisor.chen")) {
            assertThat(claims(keycloak.passwordToken(user, "runonce"))
                            .path("preferred_username")
                            .asString())
                    .isEqualTo(user);
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> keycloak.passwordToken("zhang.san", "wrong")).hasMessageContaining("invalid_grant");
    }

    @Test
    void departmentSystemTokenCarriesItsDepartment() {
        JsonNode claims = claims(keycloak.clientCredentialsToken("samr-system", "samr-system-secret"));

        assertThat(claims.path("department").asString()).isEqualTo("SAMR");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("department-system");
        // only the services a department system needs: not the catalog
        assertThat(strings(claims.path("aud")))
                .contains("runonce-gateway", "runonce-approval", "runonce-notification", "runonce-intake")
                .doesNotContain("runonce-catalog");
        assertThat(claims(keycloak.clientCredentialsToken("tax-system", "tax-system-secret"))
                        .path("department")
                        .asString())
                .isEqualTo("TAX");
    }

    @Test
    void otherAppTokenIsNotForRunonce() {
        JsonNode claims = claims(keycloak.clientCredentialsToken("other-app", "other-app-secret"));

        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(strings(claims.path("aud"))).doesNotContainAnyElementsOf(RUNONCE_AUDIENCES);
        assertThat(strings(claims.path("realm_access").path("roles"))).doesNotContain("department-system");
    }

    @Test
    void writesItsLog() throws Exception {
        assertThat(Files.readString(keycloak.logFile())).contains("Listening on: http://localhost:" + keycloak.port());
    }

    /**
     * A test server's realm is imported once per realm content: later throwaway servers start from a copy of the
     * freshly imported database instead of creating the schema and importing again, and serve the same realm.
     */
    @Test
    void aLaterTestServerStartsFromTheImportedDatabase() throws Exception {
        Keycloak later = Keycloak.startForTests();
        try {
            String log = Files.readString(later.logFile());
            assertThat(log).doesNotContain("Initializing database schema").doesNotContain("Realm 'runonce' imported");
            assertThat(claims(later.passwordToken("li.si", "runonce"))
                            .path("iss")
                            .asString())
                    .isEqualTo(later.issuerUri());
        } finally {
            later.stop();
        }
        assertThat(later.dataDirectory()).doesNotExist();
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** A claim that is a string or an array of strings, as a list. */
    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            return node.valueStream().map(JsonNode::asString).toList();
        }
        return node.isMissingNode() ? List.of() : List.of(node.asString());
    }
}
