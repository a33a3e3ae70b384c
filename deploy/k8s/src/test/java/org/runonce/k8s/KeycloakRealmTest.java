package org.runonce.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The realm the overlays import is a production realm derived from deploy/keycloak, not the demo realm. */
class KeycloakRealmTest {

    static JsonNode realm(String overlay) {
        return ManifestsTest.render(overlay).stream()
                .filter(o -> o.path("kind").asString().equals("KeycloakRealmImport"))
                .findFirst()
                .orElseThrow()
                .at("/spec/realm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noDemoUsersNoPasswordGrantForPublicClientsExactRedirectsBruteForceProtectionAndAPasswordPolicy(
            String overlay) {
        JsonNode realm = realm(overlay);

        assertThat(realm.path("users").isMissingNode() || realm.path("users").isEmpty())
                .isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(1, 10);
        assertThat(realm.path("passwordPolicy").asString()).contains("length(12)", "notUsername", "passwordHistory");
        assertThat(realm.path("sslRequired").asString()).isEqualTo(overlay.equals("production") ? "all" : "external");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(client.has("secret")).as(id + " has a committed secret").isFalse();
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                        .as(id)
                        .isFalse();
                assertThat(client.path("implicitFlowEnabled").asBoolean())
                        .as(id)
                        .isFalse();
                assertThat(client.at("/attributes/pkce.code.challenge.method").asString())
                        .isEqualTo("S256");
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asString()).as(id + " redirect URI").doesNotContain("*");
                if (overlay.equals("production")) {
                    assertThat(uri.asString()).startsWith("https://");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRolesScopesAndMappersAreTheDemoRealmsSoTheServicesAcceptItsTokens(String overlay) {
        JsonNode demo = Kustomize.readAll(ConsistencyTest.ROOT.resolve("deploy/keycloak/runonce-realm.json"))
                .getFirst();
        JsonNode realm = realm(overlay);

        assertThat(realm.path("realm").asString()).isEqualTo(demo.path("realm").asString());
        assertThat(realm.at("/roles/realm")).isEqualTo(demo.at("/roles/realm"));
        assertThat(realm.path("clientScopes")).isEqualTo(demo.path("clientScopes"));
        assertThat(realm.path("components")).isEqualTo(demo.path("components"));
        List<String> audiences = new ArrayList<>();
        realm.findValues("included.custom.audience").forEach(a -> audiences.add(a.asString()));
        assertThat(audiences)
                .contains(
                        "runonce-gateway",
                        "runonce-catalog",
                        "runonce-intake",
                        "runonce-approval",
                        "runonce-notification");
    }

    /** Each client's tokens carry only the audiences of the services it needs: the applicants' portal not approval. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void thePortalsTokensAreForTheServicesTheyNeedOnly(String overlay) {
        JsonNode realm = realm(overlay);

        assertThat(audiences(realm, "runonce-portal"))
                .containsExactlyInAnyOrder(
                        "runonce-gateway", "runonce-catalog", "runonce-intake", "runonce-notification");
        assertThat(audiences(realm, "runonce-office"))
                .containsExactlyInAnyOrder(
                        "runonce-gateway",
                        "runonce-catalog",
                        "runonce-intake",
                        "runonce-approval",
                        "runonce-notification");
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("clientId").asString()).isIn("runonce-portal", "runonce-office");
        }
    }

    /** The real-name identity is declared in the user profile, written only by administrators, mapped into tokens. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theVerifiedIdentityIsAnAdministratorsAttributeMappedIntoTheAccessToken(String overlay) {
        JsonNode realm = realm(overlay);
        JsonNode profile = Kustomize.YAML.readTree(
                realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                        .asString());
        List<String> claims = new ArrayList<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            for (JsonNode mapper : scope.path("protocolMappers")) {
                if (mapper.at("/config/access.token.claim").asString().equals("true")) {
                    claims.add(mapper.at("/config/claim.name").asString());
                }
            }
        }
        for (String attribute : List.of("id_type", "id_number", "verified_name", "legal_entities")) {
            JsonNode declared = null;
            for (JsonNode a : profile.path("attributes")) {
                if (a.path("name").asString().equals(attribute)) {
                    declared = a;
                }
            }
            assertThat(declared).as(attribute + " declared in the user profile").isNotNull();
            assertThat(declared.at("/permissions/edit").toString()).isEqualTo("[\"admin\"]");
            assertThat(claims).as(attribute + " mapped into the access token").contains(attribute);
        }
    }

    /** The aud values the client's default scopes put into its access tokens. */
    static List<String> audiences(JsonNode realm, String clientId) {
        List<String> scopes = new ArrayList<>();
        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asString().equals(clientId)) {
                client = c;
            }
        }
        assertThat(client).as(clientId).isNotNull();
        client.path("defaultClientScopes").forEach(s -> scopes.add(s.asString()));
        List<String> audiences = new ArrayList<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            if (scopes.contains(scope.path("name").asString())) {
                scope.findValues("included.custom.audience").forEach(a -> audiences.add(a.asString()));
            }
        }
        return audiences;
    }
}
