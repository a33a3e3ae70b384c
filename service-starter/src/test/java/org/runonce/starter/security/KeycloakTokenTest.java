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

    @Test
    void theVerifiedIdentityComesFromItsClaimsAndAnAccountWithoutThemHasNone() {
        var jwt = token(c -> c.claim("preferred_username", "acme.corp")
                .claim("id_type", "RESIDENT_ID")
                .claim("id_number", "33010619850315002x")
                .claim("verified_name", "艾克美")
                .claim(
                        "legal_entities",
                        List.of(
                                "91330106MA2B3C4D5E|杭州艾克美科技有限公司|LEGAL_REPRESENTATIVE",
                                "91330106mb0000000x|代理公司|AGENT")));

        var caller = Caller.from(new KeycloakJwtConverter().convert(jwt));

        var identity = caller.identity().orElseThrow();
        assertThat(identity.idNumber()).isEqualTo("33010619850315002X");
        assertThat(identity.name()).isEqualTo("艾克美");
        assertThat(identity.maskedIdNumber()).isEqualTo("3****************X");
        assertThat(caller.toString()).doesNotContain("33010619850315002X").contains("3****************X");
        assertThat(identity.entity("91330106ma2b3c4d5e").orElseThrow())
                .isEqualTo(new VerifiedIdentity.Entity(
                        "91330106MA2B3C4D5E", "杭州艾克美科技有限公司", VerifiedIdentity.Entity.LEGAL_REPRESENTATIVE));
        assertThat(identity.entity("91330106MB0000000X").orElseThrow().role()).isEqualTo("AGENT");
        assertThat(identity.entity("91330106MA0000000Y")).isEmpty();

        var unverified = token(c -> c.claim("preferred_username", "new.user").claim("id_number", ""));
        assertThat(Caller.from(new KeycloakJwtConverter().convert(unverified)).identity())
                .isEmpty();
    }
}
