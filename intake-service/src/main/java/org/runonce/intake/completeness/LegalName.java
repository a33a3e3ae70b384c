package org.runonce.intake.completeness;

import java.text.Normalizer;

/**
 * The one rule for legal names intake accepts (an applicant's, a legal representative's, an operator's): the
 * characters real names use, nothing that hides or reorders text, NFC-normalised.
 *
 * <p>Accepted: Han ideographs of every block Java knows (URO, Extensions A–I, compatibility ideographs, which NFC maps
 * to their unified ideograph; all supplementary planes), Latin letters with diacritics (also decomposed: a combining
 * diacritic U+0300–U+036F after a Latin letter, at most two in a row), and as separators a space, the middle dot of
 * minority names U+00B7, the apostrophe and the hyphen. Organisations also use ASCII digits, round brackets (ASCII or
 * full-width, balanced) and {@code & . ,}.
 *
 * <p>Normalised before the check: the dots people type for the middle dot (U+30FB, U+FF65 katakana middle dots,
 * U+2027 hyphenation point, U+FF0E full-width full stop, U+2022 bullet, U+2219, U+22C5; U+0387 by NFC itself, and an
 * ASCII full stop between two Han ideographs) become U+00B7; U+3000 and U+00A0 become a space; U+2019 and U+2018
 * become an apostrophe; U+2010, U+2011 and U+FF0D a hyphen; full-width ASCII letters and digits their ASCII ones. The
 * surrounding spaces are stripped, as before (other white space is refused).
 *
 * <p>Refused: everything else, among it emoji and other symbols, control and format characters (bidirectional
 * embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069, the marks U+200E/U+200F, zero-width characters,
 * variation selectors: invisible characters would make two names that look the same differ), scripts other than Han
 * and Latin, a separator at either end or next to another one, and more than {@value #MAX_LENGTH} characters.
 */
public final class LegalName {

    /** The stable code of the field error of a refused name. */
    public static final String CODE = "INVALID_NAME";

    /**
     * At most 100 characters (code points, after normalisation, so a rare supplementary ideograph counts once): the
     * bound the API has always declared, well above persons' names (a passport's machine-readable zone has 39
     * characters for the whole name) and enough for long foreign company names; more only serves abuse.
     */
    public static final int MAX_LENGTH = 100;

    /** Longer input is refused before it is normalised (the check stays linear and small). */
    private static final int MAX_INPUT = 4 * MAX_LENGTH;

    private static final int MIDDLE_DOT = 0x00B7;

    /** Whose name: a person's, or an organisation's (which may also use digits, brackets and {@code & . ,}). */
    public enum Kind {
        PERSON,
        ORGANISATION;

        /** The kind of the applicant type NATURAL_PERSON or LEGAL_ENTITY. */
        public static Kind of(String applicantType) {
            return "LEGAL_ENTITY".equals(applicantType) ? ORGANISATION : PERSON;
        }
    }

    /**
     * A checked name.
     *
     * @param value the normalised name, or null when refused
     * @param problem why it is refused, or null when accepted
     */
    public record Checked(String value, String problem) {

        public boolean accepted() {
            return problem == null;
        }
    }

    private LegalName() {}

    /** The name as intake keeps it, or why it is refused. */
    public static Checked check(String raw, Kind kind) {
        if (raw == null || raw.isBlank()) {
            return refused("must not be blank");
        }
        if (raw.length() > MAX_INPUT) {
            return refused("must be at most " + MAX_LENGTH + " characters");
        }
        // only spaces are stripped: a line break or a control character at an end is refused like anywhere else
        String name = Normalizer.normalize(withoutOuterSpaces(folded(raw)), Normalizer.Form.NFC);
        int[] cps = name.codePoints().toArray();
        if (cps.length > MAX_LENGTH) {
            return refused("must be at most " + MAX_LENGTH + " characters");
        }
        int letters = 0;
        int marks = 0;
        int brackets = 0;
        boolean afterLatin = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            int previous = i == 0 ? -1 : cps[i - 1];
            boolean last = i == cps.length - 1;
            if (cp >= 0x0300 && cp <= 0x036F && cp != 0x034F) {
                if (!afterLatin || ++marks > 2) {
                    return refused("has a combining mark that belongs to no Latin letter");
                }
                continue;
            }
            afterLatin = latin(cp);
            marks = 0;
            if (han(cp) || latin(cp)) {
                letters++;
            } else if (separator(cp)) {
                if (previous == -1 || last) {
                    return refused("must not begin or end with '" + Character.toString(cp) + "'");
                }
                if (separator(previous) || opening(previous)) {
                    return refused("must not have two separators in a row");
                }
            } else if (kind == Kind.ORGANISATION && cp >= '0' && cp <= '9') {
                continue;
            } else if (kind == Kind.ORGANISATION && opening(cp)) {
                if (last) {
                    return refused("has unbalanced or empty brackets");
                }
                brackets++;
            } else if (kind == Kind.ORGANISATION && closing(cp)) {
                if (--brackets < 0 || opening(previous) || separator(previous)) {
                    return refused("has unbalanced or empty brackets");
                }
            } else if (kind == Kind.ORGANISATION && (cp == '&' || cp == '.' || cp == ',')) {
                if (previous == -1 || previous == cp || opening(previous) || cp != '&' && separator(previous)) {
                    return refused("has a misplaced '" + Character.toString(cp) + "'");
                }
                if (cp == '&' && last) {
                    return refused("must not begin or end with '&'");
                }
            } else {
                return refused(describe(cp));
            }
        }
        if (brackets != 0) {
            return refused("has unbalanced or empty brackets");
        }
        if (letters == 0) {
            return refused("must contain letters");
        }
        return new Checked(name, null);
    }

    private static Checked refused(String problem) {
        return new Checked(null, problem);
    }

    /** The look-alikes people type, mapped to the one character intake keeps. */
    private static String folded(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int[] cps = raw.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            int mapped = switch (cp) {
                case 0x30FB, 0xFF65, 0x2027, 0xFF0E, 0x2022, 0x2219, 0x22C5 -> MIDDLE_DOT;
                case 0x3000, 0x00A0 -> ' ';
                case 0x2019, 0x2018 -> '\'';
                case 0x2010, 0x2011, 0xFF0D -> '-';
                case '.' -> i > 0 && i < cps.length - 1 && han(cps[i - 1]) && han(cps[i + 1]) ? MIDDLE_DOT : '.';
                default -> fullWidthAlphanumeric(cp) ? cp - 0xFEE0 : cp;
            };
            out.appendCodePoint(mapped);
        }
        return out.toString();
    }

    private static String withoutOuterSpaces(String name) {
        int begin = 0;
        int end = name.length();
        while (begin < end && name.charAt(begin) == ' ') {
            begin++;
        }
        while (end > begin && name.charAt(end - 1) == ' ') {
            end--;
        }
        return name.substring(begin, end);
    }

    private static boolean fullWidthAlphanumeric(int cp) {
        return cp >= 0xFF10 && cp <= 0xFF19 || cp >= 0xFF21 && cp <= 0xFF3A || cp >= 0xFF41 && cp <= 0xFF5A;
    }

    /** A Han ideograph (letters only: not the Kangxi radicals, which look the same but are symbols). */
    private static boolean han(int cp) {
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** A Latin upper, lower or title case letter (not modifier letters, ª or º). */
    private static boolean latin(int cp) {
        if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.UPPERCASE_LETTER
                || type == Character.LOWERCASE_LETTER
                || type == Character.TITLECASE_LETTER;
    }

    private static boolean separator(int cp) {
        return cp == ' ' || cp == MIDDLE_DOT || cp == '\'' || cp == '-';
    }

    private static boolean opening(int cp) {
        return cp == '(' || cp == 0xFF08;
    }

    private static boolean closing(int cp) {
        return cp == ')' || cp == 0xFF09;
    }

    /** Why {@code cp} is refused; it names the character only by its code (it may be unprintable or unpaired). */
    private static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return "must not contain control characters (" + code + ")";
        }
        if (type == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
            return "must not contain invisible or direction characters (" + code + ")";
        }
        if (Character.isDigit(cp)) {
            return "must not contain digits (" + code + ")";
        }
        return "must not contain the character " + code;
    }
}
