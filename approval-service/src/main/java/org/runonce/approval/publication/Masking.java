package org.runonce.approval.publication;

import org.runonce.contracts.intake.Applicant;

/**
 * How a published applicant is named: a legal entity by its registered name (public in the business register), a
 * natural person by the first and last character only (王小明 as 王*明, 李四 as 李*); ID numbers are never published.
 */
final class Masking {

    private Masking() {}

    static String name(String applicantType, String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String trimmed = name.strip();
        if (Applicant.LEGAL_ENTITY.equals(applicantType)) {
            return trimmed;
        }
        int[] chars = trimmed.codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        var masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(chars.length == 2 ? 1 : chars.length - 2));
        if (chars.length > 2) {
            masked.appendCodePoint(chars[chars.length - 1]);
        }
        return masked.toString();
    }
}
