package org.runonce.notification.notice;

import org.runonce.contracts.intake.Applicant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The contact in an event's {@code applicant} (the contract's {@link Applicant}), if it names a way to reach them. */
    static Contact from(JsonNode applicant) {
        return applicant == null || !applicant.isObject() ? null : from(JSON.treeToValue(applicant, Applicant.class));
    }

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

    Language language() {
        return Language.of(locale);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
