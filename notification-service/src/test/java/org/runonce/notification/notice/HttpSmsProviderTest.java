package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP SMS provider against a real HTTP server (the JDK's) standing in for the gateway. */
class HttpSmsProviderTest {

    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(202);
    HttpServer gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    HttpSmsProvider provider(String apiKey) {
        URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        return new HttpSmsProvider(
                url, apiKey, Duration.ofSeconds(5), JsonMapper.builder().build());
    }

    @Test
    void postsNumberAndTextAsJsonWithTheApiKey() {
        provider("k3y").send("13800138000", "【只跑一次】您的申请已受理");

        assertThat(bodies).containsExactly("{\"to\":\"13800138000\",\"text\":\"【只跑一次】您的申请已受理\"}");
        assertThat(authorizations).containsExactly("Bearer k3y");
    }

    @Test
    void aRefusingOrUnreachableGatewayIsAnErrorSoTheNoticeIsTriedAgain() {
        status.set(500);
        assertThatThrownBy(() -> provider(null).send("13800138000", "x")).hasMessageContaining("HTTP 500");
        assertThat(authorizations).containsExactly("null");

        gateway.stop(0);
        assertThatThrownBy(() -> provider(null).send("13800138000", "x")).hasMessageContaining("unreachable");
    }
}
