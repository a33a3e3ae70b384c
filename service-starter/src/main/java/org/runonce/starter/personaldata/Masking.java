package org.runonce.starter.personaldata;

import java.util.regex.Pattern;

/** How personal data is shown where the full value is not needed: logs, lists, events to other departments. */
public final class Masking {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");

    private Masking() {}

    /**
     * A resident ID number with its birth date and sequence hidden ({@code 330106********1234}: region and last four
     * kept); any other number (a credit code, a passport) with all but its first two and last two characters hidden;
     * null stays null.
     */
    public static String idNumber(String number) {
        if (number == null) {
            return null;
        }
        int n = number.length();
        if (RESIDENT_ID.matcher(number).matches()) {
            return number.substring(0, 6) + "*".repeat(8) + number.substring(14);
        }
        return n <= 4 ? "*".repeat(n) : number.substring(0, 2) + "*".repeat(n - 4) + number.substring(n - 2);
    }

    /** A phone number with all but its first three and last four digits hidden ({@code 138****0000}). */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int n = phone.length();
        return n <= 7 ? "*".repeat(n) : phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
    }
}
