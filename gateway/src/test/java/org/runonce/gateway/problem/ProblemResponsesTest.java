package org.runonce.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own problems (401, 403, 413, 429, 503) in both languages, from its messages*.properties. */
class ProblemResponsesTest {

    private static final ProblemResponses PROBLEMS =
            new ProblemResponses(JsonMapper.builder().build(), catalogue());

    private static ResourceBundleMessageSource catalogue() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static final Problem UNAVAILABLE = Problem.of(
                    HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", "intake is down.")
            .with("service", "intake")
            .with("retryAfterSeconds", 30L);

    @Test
    void everyOwnProblemHasAChineseTitleAndDetail() {
        var problems = new Problem[] {
            Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "This request needs a bearer token."),
            Problem.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token does not allow this request."),
            Problem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", "at most 10 bytes.")
                    .with("limit", 10L),
            Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", "retry after 2 s.")
                    .with("retryAfterSeconds", 2L),
            UNAVAILABLE
        };
        for (Problem problem : problems) {
            Problem chinese = PROBLEMS.localise(problem, Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese.title()).as(problem.slug()).isNotEqualTo(problem.title());
            assertThat(chinese.detail()).as(problem.slug()).isNotEqualTo(problem.detail());
            assertThat(PROBLEMS.localise(problem, Locale.ENGLISH))
                    .as(problem.slug())
                    .isEqualTo(problem);
        }
        assertThat(PROBLEMS.localise(UNAVAILABLE, Locale.SIMPLIFIED_CHINESE).detail())
                .isEqualTo("服务 intake 暂时无法访问，请在 30 秒后重试。");
    }

    @Test
    void aTemplateNamingAMissingMemberLeavesTheDetailAsGiven() {
        Problem withoutRetry = Problem.of(
                        HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", "down.")
                .with("service", "intake");
        Problem chinese = PROBLEMS.localise(withoutRetry, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.title()).isEqualTo("服务不可用");
        assertThat(chinese.detail()).isEqualTo("down.");
    }

    @Test
    void theAnswerNamesItsLanguage() {
        for (String[] asked : new String[][] {{"zh-CN", "zh-CN"}, {"zh", "zh-CN"}, {"fr", "en"}, {"en-US", "en"}}) {
            var exchange = MockServerWebExchange.from(
                    MockServerHttpRequest.get("/api/intake/x").header(HttpHeaders.ACCEPT_LANGUAGE, asked[0]));
            PROBLEMS.write(exchange, UNAVAILABLE).block();
            assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                    .as(asked[0])
                    .isEqualTo(asked[1]);
            String body = exchange.getResponse().getBodyAsString().block();
            assertThat(body).as(asked[0]).contains(asked[1].equals("en") ? "intake is down." : "服务不可用");
        }
        var absent = MockServerWebExchange.from(MockServerHttpRequest.get("/api/intake/x"));
        PROBLEMS.write(absent, UNAVAILABLE).block();
        assertThat(absent.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                .isEqualTo("en");
        assertThat(absent.getResponse().getBodyAsString().block()).contains("Service unavailable");
    }
}
