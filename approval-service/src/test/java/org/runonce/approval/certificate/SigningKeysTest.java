package org.runonce.approval.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** The production signing key is read from a JWK or a PEM file as openssl writes it. */
class SigningKeysTest {

    static ByteArrayResource file(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    @Test
    void aPrivateJwkNamesItsOwnKeyId() throws Exception {
        var generated = new ECKeyGenerator(Curve.P_256).keyID("runonce-2026").generate();

        var key = SigningKeys.load(file(generated.toJSONString()), null);

        assertThat(key.getKeyID()).isEqualTo("runonce-2026");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toPublicJWK().toJSONObject()).doesNotContainKey("d");
    }

    @Test
    void aPemKeyPairTakesTheConfiguredKeyId() throws Exception {
        var generated = new ECKeyGenerator(Curve.P_256).generate();
        String text = pem("PRIVATE KEY", generated.toECPrivateKey().getEncoded())
                + pem("PUBLIC KEY", generated.toECPublicKey().getEncoded());

        var key = SigningKeys.load(file(text), "runonce-pem");

        assertThat(key.getKeyID()).isEqualTo("runonce-pem");
        assertThat(key.toECPublicKey()).isEqualTo(generated.toECPublicKey());
        assertThatIllegalStateException()
                .isThrownBy(() -> SigningKeys.load(file(text), null))
                .withMessageContaining("signing-key-id");
    }

    @Test
    void publicOnlyOrNonEcKeysAreRefused() throws Exception {
        var ec = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        assertThatIllegalStateException()
                .isThrownBy(() -> SigningKeys.load(file(ec.toPublicJWK().toJSONString()), null));
        var rsa = new RSAKeyGenerator(2048).keyID("r").generate();
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.load(file(rsa.toJSONString()), null));
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        SigningKeys.load(file("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"), "k"));
    }
}
