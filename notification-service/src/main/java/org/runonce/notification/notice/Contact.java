package org.runonce.notification.notice;

import tools.jackson.databind.JsonNode;

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

    /** The contact in an {@code applicant} object of an event, if it names any way to reach them. */
    static Contact from(JsonNode applicant) {
        if (applicant == null || !applicant.isObject()) {
            return null;
        }
        var contact = new Contact(
                text(applicant, "subject", "userId"),
                text(applicant, "name", "displayName"),
                text(applicant, "email", "mail"),
                text(applicant, "phone", "mobile"),
                text(applicant, "locale", "language"));
        return contact.subject == null && contact.email == null && contact.phone == null ? null : contact;
    }

    Language language() {
        return Language.of(locale);
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
        }
        return null;
    }
}
