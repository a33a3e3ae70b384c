package org.runonce.approval.cases;

/**
 * The applicant as intake accepted them; the holder of certificates issued in the case unless the decision names
 * another.
 *
 * @param subject identity subject (Keycloak user id), or null for an applicant served at the window without account
 * @param name person or company name
 * @param type NATURAL_PERSON or LEGAL_ENTITY (as intake says)
 * @param idNumber resident ID number or unified social credit code, or null
 * @param locale e.g. zh-CN, or null
 * @param email or null
 * @param phone or null
 */
public record Applicant(
        String subject, String name, String type, String idNumber, String locale, String email, String phone) {}
