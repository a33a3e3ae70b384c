package org.runonce.contracts.intake;

/**
 * Who applies: a natural person or a legal entity, with the contact details notices go to.
 *
 * @param subject the applicant's identity subject (Keycloak user id); null when a window clerk filed for someone
 *     without an account
 * @param name the person's or the entity's name
 * @param type {@value #NATURAL_PERSON} or {@value #LEGAL_ENTITY}
 * @param idNumber resident identity number (natural person) or unified social credit code (legal entity), in full:
 *     departments need it to decide and to name the holder of the e-certificates they issue
 * @param locale {@code zh-CN} or {@code en}: the language of notices
 * @param email e-mail address, or null
 * @param phone mobile phone number, or null
 */
public record Applicant(
        String subject, String name, String type, String idNumber, String locale, String email, String phone) {

    /** Value of {@link #type()}. */
    public static final String NATURAL_PERSON = "NATURAL_PERSON";

    /** Value of {@link #type()}. */
    public static final String LEGAL_ENTITY = "LEGAL_ENTITY";
}
