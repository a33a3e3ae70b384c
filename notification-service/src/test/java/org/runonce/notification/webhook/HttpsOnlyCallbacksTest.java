package org.runonce.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.runonce.notification.NotificationProperties;
import org.runonce.starter.domain.Refusal;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Callbacks go to https only, unless a setting allows plain http (on in local development only). */
class HttpsOnlyCallbacksTest {

    private static final CallbackUrls.Resolver PUBLIC =
            host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})};

    @Test
    void httpIsRefusedUnlessAllowedAndHttpsIsAccepted() {
        var strict = new CallbackUrls(false, false, PUBLIC);
        assertThatThrownBy(() -> strict.validate("http://dept.example.cn/hooks"))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.getMessage()).contains("only https"));
        assertThatThrownBy(() -> strict.validate("HTTP://dept.example.cn/hooks"))
                .isInstanceOf(Refusal.class);
        assertThat(strict.validate("https://dept.example.cn/hooks").getHost()).isEqualTo("dept.example.cn");

        var local = new CallbackUrls(false, true, PUBLIC);
        assertThat(local.validate("http://dept.example.cn/hooks").getScheme()).isEqualTo("http");
    }

    @Test
    void plainHttpIsOffByDefault() {
        var properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of("runonce.notification.x", "y")))
                .bindOrCreate("runonce.notification", NotificationProperties.class);
        assertThat(properties.webhooks().allowHttp()).isFalse();
    }
}
