package org.runonce.notification.notice;

import java.util.Locale;

/** The languages notices are written in; the applicant's locale chooses, Chinese by default. */
enum Language {
    ZH_CN("zh-CN", "zh"),
    EN("en", "en");

    private final String tag;
    private final String field;

    Language(String tag, String field) {
        this.tag = tag;
        this.field = field;
    }

    /** The BCP 47 tag, e.g. {@code zh-CN}. */
    String tag() {
        return tag;
    }

    /** The member of a bilingual {@code {zh, en}} name. */
    String field() {
        return field;
    }

    /** English for {@code en}, {@code en-GB}, ...; Chinese for anything else, including nothing. */
    static Language of(String locale) {
        return locale != null && locale.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH_CN;
    }
}
