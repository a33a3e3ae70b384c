package org.runonce.starter.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of single values (resident ID numbers, phone numbers) with the JDK's AES-GCM: each value gets a
 * fresh 256-bit data key, the value is encrypted with it, and the data key is wrapped (AES-GCM again) by the
 * operator's key-encryption key. The text stored is {@code pd1:<key id>:<wrapped data key>:<ciphertext>} (base64url):
 * the key id names the KEK, so after a rotation old values are still read with the previous key. Both steps are
 * authenticated: a changed byte, a wrong key or a ciphertext moved to another key id fails, never decrypts to
 * garbage.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String keyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** The current key encrypts; it and the previous keys decrypt. */
    public PersonalDataCipher(String keyId, byte[] key, Map<String, byte[]> previousKeys) {
        this.keyId = keyId;
        previousKeys.forEach((id, bytes) -> keys.put(id, aesKey(id, bytes)));
        keys.put(keyId, aesKey(keyId, key));
    }

    /** From the settings: keys in base64. */
    public static PersonalDataCipher from(PersonalDataProperties properties) {
        Map<String, byte[]> previous = new LinkedHashMap<>();
        properties.previousKeys().forEach((id, key) -> previous.put(id, decodeKey(id, key)));
        return new PersonalDataCipher(properties.keyId(), decodeKey(properties.keyId(), properties.key()), previous);
    }

    /** Whether the text is one of this class's ciphertexts (any key id), as opposed to a plaintext value. */
    public static boolean isEncrypted(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The value encrypted under the current key; null stays null, an already encrypted value is returned as is. */
    public String encrypt(String plaintext) {
        if (plaintext == null || isEncrypted(plaintext)) {
            return plaintext;
        }
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] aad = (PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = seal(keys.get(keyId), dataKey, aad);
        byte[] sealed = seal(new SecretKeySpec(dataKey, "AES"), plaintext.getBytes(StandardCharsets.UTF_8), aad);
        return PREFIX + keyId + ":" + ENCODER.encodeToString(wrapped) + ":" + ENCODER.encodeToString(sealed);
    }

    /**
     * The plaintext of a value {@link #encrypt} wrote, under whichever known key it names; a value that is not
     * encrypted (a row written before encryption) is returned as is. An unknown key id or a value that does not
     * authenticate is an {@link IllegalStateException}: never silently another value.
     */
    public String decrypt(String text) {
        if (text == null || !isEncrypted(text)) {
            return text;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalStateException("not a personal data ciphertext");
        }
        SecretKeySpec kek = keys.get(parts[1]);
        if (kek == null) {
            throw new IllegalStateException("personal data encrypted under unknown key id " + parts[1]);
        }
        byte[] aad = (PREFIX + parts[1]).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] dataKey = open(kek, DECODER.decode(parts[2]), aad);
            return new String(
                    open(new SecretKeySpec(dataKey, "AES"), DECODER.decode(parts[3]), aad), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data does not decrypt under key id " + parts[1], e);
        }
    }

    /** The key id a ciphertext names, or null for a plaintext value. */
    public static String keyIdOf(String text) {
        return isEncrypted(text) ? text.split(":", -1)[1] : null;
    }

    /** The id of the key new values are encrypted under. */
    public String keyId() {
        return keyId;
    }

    private byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    }

    private static SecretKeySpec aesKey(String id, byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "personal data key " + id + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes.clone(), "AES");
    }

    static byte[] decodeKey(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("personal data key " + id + " is not base64", e);
        }
    }
}
