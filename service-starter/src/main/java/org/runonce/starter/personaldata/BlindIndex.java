package org.runonce.starter.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalized value, stored next to its ciphertext so that rows can be found by the
 * value (e.g. an ID number) without decrypting every row. The key is separate from the encryption key: without it the
 * index cannot be computed for guessed numbers (an unkeyed hash of an 18-character ID number is easy to invert).
 */
public final class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the blind index key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static BlindIndex from(PersonalDataProperties properties) {
        return new BlindIndex(PersonalDataCipher.decodeKey("index-key", properties.indexKey()));
    }

    /** The index of a value (trimmed, upper case: {@code 33010219850615202x} and {@code ...202X} match); null stays null. */
    public String of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal(value.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
