package org.runonce.catalog;

import org.runonce.contracts.catalog.Name;

/**
 * What the catalog asks of a {@link Name} (the contracts' bilingual name): blank means absent, surrounding spaces
 * are dropped, and published things are named in both languages.
 */
public final class Bilingual {

    private Bilingual() {}

    /** A name with blank parts as null and the others stripped, e.g. from a database row. */
    public static Name name(String zh, String en) {
        return new Name(clean(zh), clean(en));
    }

    /** The same name cleaned as {@link #name(String, String)} does; null stays null. */
    public static Name cleaned(Name name) {
        return name == null ? null : name(name.zh(), name.en());
    }

    /** Whether both languages are given. */
    public static boolean complete(Name name) {
        return name != null && clean(name.zh()) != null && clean(name.en()) != null;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
