package org.runonce.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for Keycloak's token signing: an RSA key whose public half is served as a JWK Set over real HTTP, and
 * tokens signed with it, shaped like Keycloak's (issuer, audiences, {@code azp}, {@code realm_access.roles}).
 */
public final class TestTokens {

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final RSAKey rotatedKey;
    private volatile boolean keysUnavailable;
    private final HttpServer jwks;
    private final String issuer;

    private TestTokens() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("runonce-test").generate();
            // Same key id, different key: a token signed with it must fail signature validation.
            strangerKey = new RSAKeyGenerator(2048).keyID("runonce-test").generate();
            // A key id the gateway has not seen: validating its token makes the gateway fetch the JWK Set again.
            rotatedKey = new RSAKeyGenerator(2048).keyID("runonce-rotated").generate();
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keys = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/realms/runonce/protocol/openid-connect/certs", exchange -> {
            try (exchange) {
                if (keysUnavailable) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
            }
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/runonce";
    }

    public static TestTokens start() {
        return new TestTokens();
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A valid token for the gateway and the services, for a user of the portal client. */
    public String valid(String subject) {
        return sign(signingKey, claims(subject).build());
    }

    public String forAudiences(String subject, String... audiences) {
        return sign(signingKey, claims(subject).audience(List.of(audiences)).build());
    }

    public String fromIssuer(String subject, String otherIssuer) {
        return sign(signingKey, claims(subject).issuer(otherIssuer).build());
    }

    public String expired(String subject) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(
                signingKey,
                claims(subject)
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plusSeconds(300)))
                        .build());
    }

    /** Makes the JWK Set endpoint answer 503, like Keycloak while it restarts. */
    public void keysUnavailable(boolean unavailable) {
        keysUnavailable = unavailable;
    }

    public String signedWithRotatedKey(String subject) {
        return sign(rotatedKey, claims(subject).build());
    }

    public String signedByStranger(String subject) {
        return sign(strangerKey, claims(subject).build());
    }

    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(
                        "runonce-gateway",
                        "runonce-catalog",
                        "runonce-intake",
                        "runonce-approval",
                        "runonce-notification"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", "runonce-portal")
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", List.of("applicant")));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
