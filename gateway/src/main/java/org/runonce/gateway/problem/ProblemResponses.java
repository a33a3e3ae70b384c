package org.runonce.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runonce.gateway.requestid.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link Problem}s as {@code application/problem+json}, from filters, handlers and security alike, in the
 * caller's language: {@code Accept-Language} zh-CN (any {@code zh}) or en, English when absent or unsupported, named
 * in {@code Content-Language}. The gateway's {@code messages*.properties} hold, by problem type slug,
 * {@code <slug>.title} and {@code <slug>.detail}, a template whose {@code {name}} placeholders are the problem's
 * extension members; a text without an entry (or a template naming a member the problem lacks) stays as given.
 */
@Component
public class ProblemResponses {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private final JsonMapper json;
    private final MessageSource messages;
    private final AcceptHeaderLocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

    ProblemResponses(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
        locales.setSupportedLocales(List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.CHINESE));
        locales.setDefaultLocale(Locale.ENGLISH);
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = locale(exchange);
        response.setStatusCode(problem.status());
        response.getHeaders().addAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        byte[] body = json.writeValueAsBytes(body(exchange, localise(problem, locale)));
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private Locale locale(ServerWebExchange exchange) {
        Locale requested = locales.resolveLocaleContext(exchange).getLocale();
        return requested != null && "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The one localisation step of the gateway's problems: title and detail from the catalogue, by slug. */
    Problem localise(Problem problem, Locale locale) {
        String title = messages.getMessage(problem.slug() + ".title", null, null, locale);
        String template = messages.getMessage(problem.slug() + ".detail", null, null, locale);
        String detail = template == null ? null : fill(template, problem.properties());
        if (title == null && detail == null) {
            return problem;
        }
        return new Problem(
                problem.status(),
                problem.slug(),
                title == null ? problem.title() : title,
                detail == null ? problem.detail() : detail,
                problem.properties(),
                problem.headers());
    }

    private static String fill(String template, Map<String, Object> members) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = members.get(placeholder.group(1));
            if (value == null) {
                return null;
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> body(ServerWebExchange exchange, Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        problem.properties().forEach(body::putIfAbsent);
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            body.putIfAbsent("requestId", requestId);
        }
        return body;
    }
}
