package org.runonce.notification.notice;

import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.intake.Applicant;
import org.runonce.starter.personaldata.Masking;

/**
 * How to reach an applicant, copied from the intake events of their application.
 *
 * @param subject identity subject (Keycloak user id): the inbox owner; null for applicants without an account
 * @param name how to address them
 * @param email e-mail address, or null
 * @param phone mobile number, or null
 * @param locale preferred language tag, e.g. {@code zh-CN} or {@code en}
 */
record Contact(String subject, String name, String email, String phone, String locale) {

    /** The contact of an applicant, if it names any way to reach them. */
    static Contact from(Applicant applicant) {
        var contact = new Contact(
                text(applicant.subject()),
                text(applicant.name()),
                text(applicant.email()),
                text(applicant.phone()),
                text(applicant.locale()));
        return contact.subject == null && contact.email == null && contact.phone == null ? null : contact;
    }

    /** An anonymous complainant, by the contact they gave (no account, no inbox). */
    static Contact of(ComplainantNotice.Complainant complainant) {
        return new Contact(
                null,
                text(complainant.name()),
                text(complainant.email()),
                text(complainant.phone()),
                text(complainant.locale()));
    }

    /** An account known by its subject alone: reached in its inbox (a signed-in complainant). */
    static Contact inboxOf(String subject) {
        return new Contact(subject, null, null, null, null);
    }

    /** With the phone number masked and no e-mail address: a contact in a log line never shows them. */
    @Override
    public String toString() {
        return "Contact[subject=%s, phone=%s, locale=%s]".formatted(subject, Masking.phone(phone), locale);
    }

    Language language() {
        return Language.of(locale);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
