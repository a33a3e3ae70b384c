package org.runonce.starter.app;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Access tokens shaped like Keycloak's, signed by the {@link KeycloakStandIn} realm the test application trusts: the
 * starter's real decoder, issuer, audience and role checks run on them.
 */
public final class Tokens {

    public static final String AUDIENCE = "runonce-test";

    private static final NimbusJwtEncoder ENCODER =
            new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KeycloakStandIn.KEY)));

    private Tokens() {}
    /** A valid token of user {@code username} with these realm roles, for this service. */
    public static String user(String username, String department, String... roles) {
        return token(claims -> {
            claims.claim("preferred_username", username);
            claims.claim("realm_access", Map.of("roles", List.of(roles)));
            if (department != null) {
                claims.claim("department", department);
            }
        });
    }

    /** A valid token of user zhang.san, customized. */
    public static String token(Consumer<JwtClaimsSet.Builder> customizer) {
        var claims = JwtClaimsSet.builder()
                .issuer(KeycloakStandIn.issuer())
                .subject("0b7e1c8a-0000-4000-8000-000000000001")
                .audience(List.of("runonce-gateway", AUDIENCE))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("azp", "runonce-portal")
                .claim("preferred_username", "zhang.san")
                .claim("name", "Zhang San");
        customizer.accept(claims);
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("test-key").build();
        return ENCODER.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
