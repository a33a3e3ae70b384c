package org.runonce.contracts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheHmacOfTimestampDotBody() {
        // echo -n '1700000000.{"id":"1"}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSignatures.sign("secret", 1_700_000_000L, BODY))
                .isEqualTo("t=1700000000,v1=086f6aff7bd084c98679825129c5a64dbad88c760016d6d2c0fb123f27951d54");
    }

    @Test
    void aReceiverAcceptsTheRightSecretWithinToleranceOnly() {
        String header = WebhookSignatures.sign("secret", 1_700_000_000L, BODY);

        assertThat(WebhookSignatures.verify("secret", header, BODY, 1_700_000_100L, 300))
                .isTrue();
        assertThat(WebhookSignatures.verify("other", header, BODY, 1_700_000_100L, 300))
                .isFalse();
        assertThat(WebhookSignatures.verify(
                        "secret", header, "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8), 1_700_000_100L, 300))
                .isFalse();
        assertThat(WebhookSignatures.verify("secret", header, BODY, 1_700_001_000L, 300))
                .as("replayed later")
                .isFalse();
        assertThat(WebhookSignatures.verify("secret", "t=1700000000", BODY, 1_700_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignatures.verify("secret", null, BODY, 1_700_000_000L, 300))
                .isFalse();
    }
}
