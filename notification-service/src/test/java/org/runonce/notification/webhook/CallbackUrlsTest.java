package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;

class CallbackUrlsTest {

    final CallbackUrls strict = new CallbackUrls(false);
    final CallbackUrls lenient = new CallbackUrls(true);

    static String refusal(CallbackUrls urls, String url) {
        try {
            urls.validate(url);
            return null;
        } catch (Refusal e) {
            assertThat("https://runonce.org/problems/" + e.slug())
                    .isEqualTo("https://runonce.org/problems/invalid-callback-url");
            assertThat(e.status()).isEqualTo(400);
            return e.detail();
        }
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentials() {
        assertThat(refusal(lenient, "ftp://127.0.0.1/x")).contains("http");
        assertThat(refusal(lenient, "file:///etc/passwd")).contains("http");
        assertThat(refusal(lenient, "http://user:pw@127.0.0.1/x")).contains("credentials");
        assertThat(refusal(lenient, "not a url")).isNotNull();
        assertThat(refusal(lenient, "http:///nohost")).isNotNull();
        assertThat(refusal(lenient, "http://does-not-exist.invalid/x")).contains("does not resolve");
        assertThat(refusal(lenient, "http://127.0.0.1:8099/hook")).isNull();
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "http://127.0.0.1/x",
            "http://localhost/x",
            "http://10.1.2.3/x",
            "http://192.168.1.1/x",
            "http://172.16.0.1/x",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/x",
            "http://[fd00::1]/x",
            "http://0.0.0.0/x",
            "http://100.64.0.1/x"
        }) {
            assertThat(refusal(strict, url)).as(url).contains("loopback, private or link-local");
            assertThat(refusal(lenient, url)).as(url).isNull();
        }
    }

    @Test
    void publicAddressesAreAccepted() throws Exception {
        assertThat(CallbackUrls.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(CallbackUrls.isInternal(InetAddress.getByName("2001:4860:4860::8888")))
                .isFalse();
        assertThat(refusal(strict, "https://8.8.8.8/hook")).isNull();
    }
}
