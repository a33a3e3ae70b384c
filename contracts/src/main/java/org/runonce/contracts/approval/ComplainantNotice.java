package org.runonce.contracts.approval;

import java.time.LocalDate;

/**
 * What an anonymous complainant is told at the contact they gave (投诉受理、答复告知): the complaint was received, or
 * answered. Published WITHOUT a department extension, so it reaches no department system: the contact is the
 * complainant's alone, and the complaint's other events never carry it. Subject: the complaint number.
 *
 * @param number the complaint number
 * @param notice {@code RECEIVED} or {@code REPLIED}
 * @param complainant how to reach them
 * @param departmentCode the responsible department, or null while none is assigned
 * @param dueOn the last day of the limit, or null while none is assigned
 */
public record ComplainantNotice(
        String number, String notice, Complainant complainant, String departmentCode, LocalDate dueOn) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.complaint.complainant-notice.v1";

    /** Value of {@link #notice()}. */
    public static final String RECEIVED = "RECEIVED";

    /** Value of {@link #notice()}. */
    public static final String REPLIED = "REPLIED";

    /**
     * @param name how to address them, or null
     * @param phone mobile number, or null
     * @param email e-mail address, or null (one of the two is given)
     * @param locale {@code zh-CN} or {@code en}
     */
    public record Complainant(String name, String phone, String email, String locale) {}
}
