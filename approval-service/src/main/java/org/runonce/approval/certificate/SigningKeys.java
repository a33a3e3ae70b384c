package org.runonce.approval.certificate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runonce.approval.ApprovalProperties;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's certificate signing keys (EC P-256, ES256). In production the key comes from a file
 * ({@code runonce.approval.certificates.signing-key}: a private EC P-256 JWK, or PEM with the PKCS#8 private key and
 * the public key, plus {@code signing-key-id} when the file names no kid); only its public part is stored. Without one, a key is generated on first start and kept
 * in the database, so restarts still sign with it and old certificates still verify. Every key not retired is
 * published in the JWK Set: configuring a new key rotates, certificates signed with the old one keep verifying.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcClient jdbc;
    private final Time time;
    private final ECKey signingKey;

    SigningKeys(JdbcClient jdbc, Time time, ApprovalProperties properties, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.time = time;
        Resource configured = properties.certificates().signingKey();
        this.signingKey = transactions.execute(status -> {
            // instances starting together agree on one generated key
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('approval:signing-key', 0))")
                    .query((rs, n) -> 1)
                    .list();
            return configured != null
                    ? register(load(configured, properties.certificates().signingKeyId()))
                    : generatedKey();
        });
        log.info(
                "Signing e-certificates with key {} ({})",
                signingKey.getKeyID(),
                configured != null ? "configured" : "generated");
    }

    /** The key new certificates are signed with (private part included). */
    ECKey current() {
        return signingKey;
    }

    /** A public key that is not retired, by {@code kid}. */
    Optional<ECKey> publicKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        return jdbc.sql("select public_jwk from signing_key where kid = ? and retired_at is null")
                .param(kid)
                .query((rs, n) -> parse(rs.getString("public_jwk")))
                .optional();
    }

    /** The JWK Set of every key not retired, public parts only. */
    Map<String, Object> jwkSet() {
        List<JWK> keys = jdbc.sql("select public_jwk from signing_key where retired_at is null order by created_at")
                .query((rs, n) -> (JWK) parse(rs.getString("public_jwk")))
                .list();
        return new JWKSet(keys).toJSONObject(true);
    }

    private ECKey generatedKey() {
        var existing = jdbc.sql("""
                        select private_jwk from signing_key
                        where source = 'GENERATED' and retired_at is null order by created_at desc limit 1""")
                .query((rs, n) -> parse(rs.getString("private_jwk")))
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("runonce-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
            insert(key, key.toJSONString(), "GENERATED");
            return key;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private ECKey register(ECKey key) {
        jdbc.sql("select 1 from signing_key where kid = ?")
                .param(key.getKeyID())
                .query((rs, n) -> 1)
                .optional()
                .ifPresentOrElse(found -> {}, () -> insert(key, null, "CONFIGURED"));
        return key;
    }

    private void insert(ECKey key, String privateJwk, String source) {
        jdbc.sql("""
                        insert into signing_key (kid, algorithm, public_jwk, private_jwk, source, created_at)
                        values (?, 'ES256', ?, ?, ?, ?)""")
                .params(
                        key.getKeyID(),
                        key.toPublicJWK().toJSONString(),
                        privateJwk,
                        source,
                        Jdbc.timestamp(time.now()))
                .update();
    }

    /** Reads a configured key: a private EC P-256 JWK, or PEM with a PKCS#8 private key and its public key. */
    static ECKey load(Resource resource, String keyId) {
        String text;
        try {
            text = resource.getContentAsString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the signing key " + resource, e);
        }
        ECKey key = text.startsWith("{") ? fromJwk(text, resource) : fromPem(text, resource);
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
            throw new IllegalStateException("the signing key must be a private EC P-256 key: " + resource);
        }
        if (key.getKeyID() == null) {
            if (keyId == null || keyId.isBlank()) {
                throw new IllegalStateException(
                        "a signing key without kid needs runonce.approval.certificates.signing-key-id");
            }
            key = new ECKey.Builder(key).keyID(keyId).build();
        }
        return new ECKey.Builder(key)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    private static ECKey fromJwk(String text, Resource resource) {
        try {
            return JWK.parse(text).toECKey();
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("the signing key is not an EC JWK: " + resource, e);
        }
    }

    /** PEM as openssl writes it: {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY} (X.509) blocks. */
    private static ECKey fromPem(String text, Resource resource) {
        try {
            var factory = KeyFactory.getInstance("EC");
            var privateKey = (ECPrivateKey)
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pemBlock(text, "PRIVATE KEY", resource)));
            var publicKey = (ECPublicKey)
                    factory.generatePublic(new X509EncodedKeySpec(pemBlock(text, "PUBLIC KEY", resource)));
            return new ECKey.Builder(Curve.P_256, publicKey)
                    .privateKey(privateKey)
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key is not a PEM EC P-256 key pair: " + resource, e);
        }
    }

    private static byte[] pemBlock(String text, String label, Resource resource) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("no " + label + " block in " + resource);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static ECKey parse(String jwk) {
        try {
            return ECKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable key in signing_key", e);
        }
    }
}
