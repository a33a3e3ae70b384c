package org.runonce.intake.completeness;

import org.runonce.contracts.intake.Applicant;

/**
 * Who applies, as intake keeps it.
 *
 * @param subject identity subject; the caller's own online, the applicant's (if they have an account) at a window
 * @param name person's or entity's name
 * @param type NATURAL_PERSON or LEGAL_ENTITY
 * @param idNumber resident identity number or unified social credit code, upper case
 * @param locale zh-CN or en
 * @param email or null
 * @param phone or null
 */
public record ApplicantData(
        String subject, String name, String type, String idNumber, String locale, String email, String phone) {

    public Applicant toContract() {
        return new Applicant(subject, name, type, idNumber, locale, email, phone);
    }

    public boolean english() {
        return "en".equals(locale);
    }
}
