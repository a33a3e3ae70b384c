package org.runonce.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm gives every demo department a system that acts on approval's cases the way {@code Tokens.system} stands
 * for it in the ITs: a confidential client {@code <dept>-system} for client credentials only, whose tokens carry the
 * department claim and the approval audience, and whose service account holds the {@code department-system} role
 * and nothing else.
 */
class DepartmentSystemsRealmTest {

    static final Path REALM = Path.of("..", "deploy", "keycloak", "runonce-realm.json");

    static JsonNode realm() throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(REALM));
    }

    /** The departments the realm lets reviewers belong to (the {@code department} attribute's options). */
    static List<String> departments(JsonNode realm) throws Exception {
        String profile = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .get(0)
                .path("config")
                .path("kc.user.profile.config")
                .get(0)
                .asString();
        List<String> departments = new ArrayList<>();
        for (var attribute : JsonMapper.builder().build().readTree(profile).path("attributes")) {
            if (attribute.path("name").asString().equals("department")) {
                attribute
                        .path("validations")
                        .path("options")
                        .path("options")
                        .forEach(o -> departments.add(o.asString()));
            }
        }
        return departments;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (var node : array) {
            if (node.path(field).asString().equals(value)) {
                return node;
            }
        }
        return null;
    }

    @Test
    void everyDemoDepartmentHasASystemScopedToIt() throws Exception {
        var realm = realm();
        var departments = departments(realm);
        assertThat(departments).contains("SAMR", "TAX", "PSB", "HRSS", "HSA", "HEALTH", "REALESTATE");

        for (String department : departments) {
            String clientId = department.toLowerCase(Locale.ROOT) + "-system";
            var client = find(realm.path("clients"), "clientId", clientId);
            assertThat(client).as(clientId).isNotNull();
            assertThat(client.path("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean())
                    .as(clientId)
                    .isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean())
                    .as(clientId)
                    .isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as(clientId)
                    .isFalse();
            // tokens for the services a department system needs (gateway, approval, notification, intake documents)
            assertThat(client.path("defaultClientScopes").toString())
                    .contains("\"runonce-audience-approval\"", "\"runonce-audience-gateway\"")
                    .doesNotContain("\"runonce-audiences\"", "\"runonce-audience-catalog\"");
            var claim = find(client.path("protocolMappers"), "protocolMapper", "oidc-hardcoded-claim-mapper");
            assertThat(claim).as(clientId + " department claim").isNotNull();
            assertThat(claim.path("config").path("claim.name").asString()).isEqualTo("department");
            assertThat(claim.path("config").path("claim.value").asString()).isEqualTo(department);
            assertThat(claim.path("config").path("access.token.claim").asString())
                    .isEqualTo("true");

            var account = find(realm.path("users"), "serviceAccountClientId", clientId);
            assertThat(account).as(clientId + " service account").isNotNull();
            assertThat(account.path("username").asString()).isEqualTo(Tokens.systemAccount(department));
            assertThat(account.path("realmRoles").toString()).isEqualTo("[\"department-system\"]");
        }
    }
}
