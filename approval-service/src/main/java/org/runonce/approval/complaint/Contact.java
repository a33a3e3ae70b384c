package org.runonce.approval.complaint;

import io.swagger.v3.oas.annotations.media.Schema;
import org.runonce.starter.domain.Refusal;

/**
 * How to reach someone who did not sign in (an anonymous complainant or inquirer): a phone number or an e-mail
 * address, a name if they gave one. Shown only to them and, masked, to supervisors; never to a department, never in
 * an event or a log.
 *
 * @param name optional
 * @param phone a phone number, or null
 * @param email an e-mail address, or null
 */
@Schema(name = "AnonymousContact")
public record Contact(
        @Schema(example = "王先生") String name,
        @Schema(example = "13800000000") String phone,
        @Schema(example = "wang@example.com") String email) {

    public Contact {
        name = blankToNull(name);
        phone = blankToNull(phone);
        email = blankToNull(email);
        if (phone == null && email == null) {
            throw Refusal.badRequest(
                    "contact-required", "Contact required", "an anonymous caller gives a phone number or an e-mail");
        }
    }

    /** The contact as a supervisor sees it: 138****0000, w***@example.com, 王*明. */
    public Contact masked() {
        return new Contact(maskName(name), maskPhone(phone), maskEmail(email));
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    static String maskName(String name) {
        if (name == null) {
            return null;
        }
        int[] cps = name.codePoints().toArray();
        int n = cps.length;
        if (n == 1) {
            return "*";
        }
        String first = new String(cps, 0, 1);
        return n == 2 ? first + "*" : first + "*".repeat(n - 2) + new String(cps, n - 1, 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
