package org.runonce.starter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The message catalogue of problem types: localises a problem's {@code title} and {@code detail} and the messages of
 * its field errors into the caller's language ({@code Accept-Language}: zh-CN or en, en when absent or unsupported).
 *
 * <p>Keys, by problem type slug: {@code <slug>.title}; {@code <slug>.detail}, a template whose {@code {name}}
 * placeholders are the problem's extension members (e.g. a {@code Refusal}'s {@code with("number", 7)}); and
 * {@code field-error.<CODE>} for field errors. The service's own {@code messages*.properties} (Spring's
 * {@code MessageSource}) are asked first, then the starter's {@code org/runonce/starter/problems/messages*.properties}.
 * A text without a key, or a template naming a member the problem lacks, stays as given (in English).
 */
public class ProblemMessages {

    /** The languages problems are answered in; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static final String STARTER_BUNDLE = "org/runonce/starter/problems/messages";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private final MessageSource service;
    private final ResourceBundleMessageSource starter = new ResourceBundleMessageSource();
    private final LocaleResolver locales;

    /**
     * @param service the service's own messages (asked first), or {@code null} for the starter's catalogue alone
     * @param locales how a request's language is resolved, e.g. {@link #localeResolver()}
     */
    public ProblemMessages(MessageSource service, LocaleResolver locales) {
        this.service = service;
        this.locales = locales;
        starter.setBasename(STARTER_BUNDLE);
        starter.setDefaultEncoding("UTF-8");
        starter.setFallbackToSystemLocale(false);
    }

    /** The starter's catalogue alone, languages resolved by {@link #localeResolver()}. */
    public static ProblemMessages standalone() {
        return new ProblemMessages(null, localeResolver());
    }

    /** {@code Accept-Language} among {@link #SUPPORTED}; English when absent or unsupported, any {@code zh} is zh-CN. */
    public static LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.CHINESE));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The language a problem to this request is answered in. */
    public Locale locale(HttpServletRequest request) {
        return supported(locales.resolveLocale(request));
    }

    /** Localises the title and detail of a problem typed {@code https://runonce.org/problems/<slug>}, in place. */
    public ProblemDetail localise(ProblemDetail problem, Locale locale) {
        String slug = slugOf(problem);
        if (slug == null) {
            return problem;
        }
        String title = message(slug + ".title", locale);
        if (title != null) {
            problem.setTitle(title);
        }
        String detail = message(slug + ".detail", locale);
        if (detail != null) {
            String filled = fill(detail, problem.getProperties());
            if (filled != null) {
                problem.setDetail(filled);
            }
        }
        return problem;
    }

    /** The message of a field error with a stable code in this language, or the given one without a catalogue entry. */
    public String fieldMessage(String code, String given, Locale locale) {
        if (code == null) {
            return given;
        }
        String message = message("field-error." + code, locale);
        return message == null ? given : message;
    }

    /** The catalogue's text for a key in a language, {@code null} when neither bundle has it. */
    public String message(String key, Locale locale) {
        String text = service == null ? null : service.getMessage(key, null, null, locale);
        return text != null ? text : starter.getMessage(key, null, null, locale);
    }

    private static String slugOf(ProblemDetail problem) {
        if (problem.getType() == null) {
            return null;
        }
        String type = problem.getType().toString();
        return type.startsWith(Problems.TYPE_PREFIX) ? type.substring(Problems.TYPE_PREFIX.length()) : null;
    }

    /** A template with its {@code {name}} placeholders replaced by members; {@code null} when one is missing. */
    private static String fill(String template, Map<String, Object> members) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = members == null ? null : members.get(placeholder.group(1));
            if (value == null) {
                return null;
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
