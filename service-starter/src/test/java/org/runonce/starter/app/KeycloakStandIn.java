package org.runonce.starter.app;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Plays Keycloak's part for the starter's tests: serves realm {@code runonce}'s OpenID discovery document and JWKS
 * on a free port, and points every test context's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} at
 * it (registered in {@code META-INF/spring.factories}). So the services' real path runs: issuer discovery, key
 * download, signature, issuer, expiry and audience checks. {@link Tokens} signs with its key.
 */
public final class KeycloakStandIn implements ContextCustomizerFactory {

    static final RSAKey KEY = generateKey();
    private static final String ISSUER = start();

    /** The issuer of the stand-in realm, {@code http://127.0.0.1:<port>/realms/runonce}. */
    public static String issuer() {
        return ISSUER;
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new IssuerProperty();
    }

    /** Equal for every test class, so it does not split Spring's context cache. */
    record IssuerProperty() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "keycloakStandIn", Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER)));
        }
    }

    private static String start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/runonce";
            String discovery = """
                    {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                     "id_token_signing_alg_values_supported": ["RS256"], "subject_types_supported": ["public"]}""".formatted(issuer, issuer);
            String jwks = new JWKSet(KEY.toPublicJWK()).toString();
            respond(server, "/realms/runonce/.well-known/openid-configuration", discovery);
            respond(server, "/realms/runonce/protocol/openid-connect/certs", jwks);
            server.start(); // daemon dispatcher: ends with the test JVM
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static RSAKey generateKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-key")
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
