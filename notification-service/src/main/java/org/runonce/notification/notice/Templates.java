package org.runonce.notification.notice;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Notice templates in zh-CN and en ({@code notices/templates_<locale>.properties}, UTF-8): a title, a body (e-mail,
 * inbox) and an SMS text per template. {@code {field}} is replaced by the field of the event's data, or of the extra
 * values; a {@code {zh, en}} name is shown in the notice's language, a list as its items (materials by their name or
 * description), anything absent as "-".
 */
class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Map<Language, Properties> texts;

    Templates() {
        this.texts = Map.of(Language.ZH_CN, load(Language.ZH_CN), Language.EN, load(Language.EN));
    }

    /**
     * A rendered notice.
     *
     * @param title subject of the e-mail, title in the inbox
     * @param body text of the e-mail and the inbox
     * @param sms the short text
     */
    record Rendered(String title, String body, String sms) {}

    Rendered render(String template, Language language, JsonNode data, Map<String, String> extra) {
        Properties p = texts.get(language);
        String title = p.getProperty(template + ".title");
        if (title == null) {
            throw new IllegalArgumentException("no template " + template + " in " + language.tag());
        }
        return new Rendered(
                fill(title, language, data, extra),
                fill(p.getProperty(template + ".body"), language, data, extra),
                fill(p.getProperty(template + ".sms"), language, data, extra));
    }

    /** An optional part of a template (e.g. {@code accepted.pledge}), rendered like the rest. */
    String part(String template, String part, Language language, JsonNode data, Map<String, String> extra) {
        String text = texts.get(language).getProperty(template + "." + part);
        if (text == null) {
            throw new IllegalArgumentException("no template part " + template + "." + part + " in " + language.tag());
        }
        return fill(text, language, data, extra);
    }

    boolean exists(String template) {
        return texts.values().stream().allMatch(p -> p.getProperty(template + ".title") != null);
    }

    private static String fill(String text, Language language, JsonNode data, Map<String, String> extra) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (extra.containsKey(name)) {
                value = extra.get(name); // as given, even empty
            } else {
                value = value(data == null ? null : data.get(name), language);
                value = value == null || value.isBlank() ? "-" : value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A field's text in the notice's language. */
    static String value(JsonNode node, Language language) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> {
                String text = value(item, language);
                if (text != null) {
                    items.add(text);
                }
            });
            return items.isEmpty() ? null : String.join(language == Language.ZH_CN ? "；" : "; ", items);
        }
        if (node.isObject()) {
            for (String field : new String[] {language.field(), "name", "description", "title", "code"}) {
                String text = value(node.get(field), language);
                if (text != null) {
                    return text;
                }
            }
            return value(node.get(language == Language.ZH_CN ? "en" : "zh"), language);
        }
        return node.asString();
    }

    private static Properties load(Language language) {
        String path = "notices/templates_" + language.tag() + ".properties";
        var properties = new Properties();
        try (var in = Templates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
        return properties;
    }
}
