package org.runonce.contracts.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}. The timestamp is signed with the body so that a receiver can refuse replays of old requests.
 */
public final class WebhookSignatures {

    /** Header carrying the signature. */
    public static final String HEADER = "X-RunOnce-Signature";

    private WebhookSignatures() {}

    /** The header value for a body sent at {@code epochSecond}. */
    public static String sign(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSecond, body));
    }

    /**
     * Whether {@code header} is a valid signature of {@code body} no older than {@code toleranceSeconds} at {@code
     * nowEpochSecond}: what a receiver does.
     */
    public static boolean verify(
            String secret, String header, byte[] body, long nowEpochSecond, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signature = kv[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(nowEpochSecond - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected =
                HexFormat.of().formatHex(hmac(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
