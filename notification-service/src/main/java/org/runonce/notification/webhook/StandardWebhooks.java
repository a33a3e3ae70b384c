package org.runonce.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): headers {@value #ID}, {@value #TIMESTAMP} and {@value
 * #SIGNATURE} = {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}. The key is the subscription's secret as
 * UTF-8 bytes, so a Standard Webhooks library verifies with the secret {@code whsec_<base64 of the UTF-8 secret>}.
 */
final class StandardWebhooks {

    /** The message id, the same on every attempt of a delivery (the delivery id). */
    static final String ID = "webhook-id";

    /** Unix seconds of the attempt. */
    static final String TIMESTAMP = "webhook-timestamp";

    /** Space-separated {@code v1,<signature>} entries (one today; several during a secret rotation). */
    static final String SIGNATURE = "webhook-signature";

    private StandardWebhooks() {}

    static String sign(String secret, String id, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + epochSecond + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
