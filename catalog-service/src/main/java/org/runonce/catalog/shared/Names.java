package org.runonce.catalog.shared;

/**
 * A name in Chinese (authoritative) and English.
 *
 * @param zh simplified Chinese, e.g. 公司设立登记
 * @param en English, e.g. Company establishment registration
 */
public record Names(String zh, String en) {

    public Names {
        zh = blankToNull(zh);
        en = blankToNull(en);
    }

    public static Names of(String zh, String en) {
        return new Names(zh, en);
    }

    /** Whether both languages are given. */
    public boolean complete() {
        return zh != null && en != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
