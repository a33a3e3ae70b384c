package org.runonce.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Audience check, role mapping and caller of hand-built Keycloak access tokens. */
class KeycloakTokenTest {

    static Jwt token(Consumer<Jwt.Builder> claims) {
        var builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuer("http://localhost:8180/realms/runonce")
                .subject("5f0c6a2e-1111-2222-3333-444455556666")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        claims.accept(builder);
        return builder.build();
    }

    final AudienceValidator audience = new AudienceValidator("runonce-approval");

    @Test
    void aTokenForThisServiceIsAccepted() {
        var jwt = token(c -> c.audience(List.of("runonce-gateway", "runonce-approval")));

        assertThat(audience.validate(jwt).hasErrors()).isFalse();
    }

    @Test
    void aTokenForAnotherServiceOrWithoutAudienceIsRejected() {
        var forIntake = token(c -> c.audience(List.of("runonce-gateway", "runonce-intake")));
        var withoutAudience = token(c -> {});

        assertThat(audience.validate(forIntake).getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
            assertThat(error.getDescription()).contains("runonce-approval");
        });
        assertThat(audience.validate(withoutAudience).hasErrors()).isTrue();
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesAndPreferredUsernameTheName() {
        var jwt = token(c -> c.claim("preferred_username", "li.si")
                .claim("realm_access", Map.of("roles", List.of("reviewer", "default-roles-runonce"))));

        var authentication = new KeycloakJwtConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo("li.si");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_reviewer", "ROLE_default-roles-runonce");
    }

    @Test
    void aTokenWithoutRolesOrUsernameHasNoAuthoritiesAndTheSubjectAsName() {
        var jwt = token(c -> c.claim("azp", "samr-system"));

        var authentication = new KeycloakJwtConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo("5f0c6a2e-1111-2222-3333-444455556666");
        assertThat(authentication.getAuthorities()).isEmpty();
    }

    @Test
    void theCallerCarriesRolesDepartmentAndClient() {
        var jwt = token(c -> c.claim("preferred_username", "wang.wu")
                .claim("name", "Wang Wu")
                .claim("department", "SAMR")
                .claim("azp", "runonce-portal")
                .claim("realm_access", Map.of("roles", List.of("department-head"))));

        var caller = Caller.from(new KeycloakJwtConverter().convert(jwt));

        assertThat(caller.username()).isEqualTo("wang.wu");
        assertThat(caller.name()).isEqualTo("Wang Wu");
        assertThat(caller.subject()).isEqualTo("5f0c6a2e-1111-2222-3333-444455556666");
        assertThat(caller.roles()).containsExactly("department-head");
        assertThat(caller.hasRole("department-head")).isTrue();
        assertThat(caller.department()).contains("SAMR");
        assertThat(caller.belongsTo("SAMR")).isTrue();
        assertThat(caller.belongsTo("TAX")).isFalse();
        assertThat(caller.clientId()).isEqualTo("runonce-portal");
    }
}
