package org.runonce.approval.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the audit chain is keyed with: each entry's hash is HMAC-SHA256 over its canonical content and the
 * previous hash, so an edited entry cannot be re-chained by someone who holds the database but not this key.
 *
 * @param id the key's id, stored with every entry
 * @param secret the key material (never stored in the database)
 */
record ChainKey(String id, byte[] secret) {

    /** The published demo key of {@code application.yml}: local use only. */
    static final String DEMO = "runonce-local-demo-audit-chain-key-not-for-production";

    static ChainKey of(String id, String secret) {
        return new ChainKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }

    boolean isDemo() {
        return new String(secret, StandardCharsets.UTF_8).equals(DEMO);
    }

    /** HMAC-SHA256 of {@code text}, hex. */
    String mac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "ChainKey[" + id + "]";
    }
}
