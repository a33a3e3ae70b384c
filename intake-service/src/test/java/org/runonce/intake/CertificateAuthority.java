package org.runonce.intake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays the approval service's part for certificates: serves the platform's public JWK Set on a free port (the path
 * approval publishes it at) and signs e-certificates (ES256) as approval does. {@link #forger()} signs with a key
 * the JWK Set does not list.
 */
public final class CertificateAuthority {

    private static final CertificateAuthority PLATFORM = new CertificateAuthority(key("platform-2026"));
    private static final CertificateAuthority FORGER = new CertificateAuthority(key("platform-2026"));
    private static final String JWKS_URI = serve(PLATFORM.key);

    private final ECKey key;

    private CertificateAuthority(ECKey key) {
        this.key = key;
    }

    public static CertificateAuthority platform() {
        return PLATFORM;
    }

    /** Same key id, another key: what a forger would do. */
    public static CertificateAuthority forger() {
        return FORGER;
    }

    public static String jwksUri() {
        return JWKS_URI;
    }

    /** A certificate as approval issues it. */
    public String issue(
            String number, String type, String itemCode, String holderName, String holderId, LocalDate validUntil) {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("subject", null);
        holder.put("name", holderName);
        holder.put("idNumber", holderId);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("runonce")
                .claim("certificateNumber", number)
                .claim("certificateType", type)
                .claim("itemCode", itemCode)
                .claim("holder", holder)
                .claim("content", Map.of("companyName", holderName))
                .claim("issuedAt", Instant.parse("2026-03-02T02:00:00Z").toString())
                .claim("validUntil", validUntil == null ? null : validUntil.toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same certificate with its holder changed after signing. */
    public static String tampered(String compact, String otherHolderId) {
        String[] parts = compact.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceAll("\"idNumber\":\"[0-9A-Z]+\"", "\"idNumber\":\"" + otherHolderId + "\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serve(ECKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/api/approval/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start(); // daemon dispatcher: ends with the test JVM
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/approval/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
