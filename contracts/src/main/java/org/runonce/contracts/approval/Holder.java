package org.runonce.contracts.approval;

/**
 * Whom an e-certificate is issued to.
 *
 * @param subject the applicant's identity subject (Keycloak user id), or null when issued to someone without an
 *     account
 * @param name the holder's name (a person, or the company being registered)
 * @param idNumber the holder's identity number (resident ID number, unified social credit code), or null
 */
public record Holder(String subject, String name, String idNumber) {}
