package org.runonce.starter.personaldata;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code runonce.personal-data.*}: the keys resident ID numbers and phone numbers are encrypted and indexed with. The
 * operator provides them (a secret outside the database); the values in a service's {@code application.yml} are
 * published demo credentials for local runs only.
 *
 * @param keyId the id of {@code key}, stored with every ciphertext so that old ciphertexts stay readable after a
 *     rotation
 * @param key the key-encryption key (KEK), base64 of 32 random bytes (AES-256): it wraps each value's data key
 * @param previousKeys earlier KEKs by key id, base64: read only, never used to encrypt
 * @param indexKey the blind index's HMAC-SHA256 key, base64 of at least 32 random bytes, separate from the KEK;
 *     changing it makes every stored index useless (rotation of the index key is not supported)
 * @param allowDemoKeys whether a published demo key (key id {@code local-demo*}) may be used: set by the local stack
 *     and the tests; a service anywhere else refuses to start with one, as it would encrypt with a public key
 */
@Validated
@ConfigurationProperties("runonce.personal-data")
public record PersonalDataProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String keyId,
        @NotBlank String key,
        @DefaultValue Map<String, String> previousKeys,
        @NotBlank String indexKey,
        @DefaultValue("false") boolean allowDemoKeys) {

    /** Whether {@link #keyId()} names one of the published demo keys of the services' {@code application.yml}. */
    public boolean isDemoKey() {
        return keyId.startsWith("local-demo");
    }
}
