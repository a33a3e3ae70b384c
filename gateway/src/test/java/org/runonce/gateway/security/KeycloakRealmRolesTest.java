package org.runonce.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesTest {

    private final KeycloakRealmRoles converter = new KeycloakRealmRoles();

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("zhang.san");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void mapsRealmRolesToRoleAuthorities() {
        Jwt jwt = token(Map.of("realm_access", Map.of("roles", List.of("reviewer", "department-head"))));

        assertThat(converter.convert(jwt))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_reviewer", "ROLE_department-head");
    }

    @Test
    void grantsNothingWithoutRealmRoles() {
        assertThat(converter.convert(token(Map.of("scope", "openid")))).isEmpty();
        assertThat(converter.convert(token(Map.of("realm_access", Map.of("roles", "not-a-list")))))
                .isEmpty();
    }
}
