package org.runonce.contracts.catalog;

import java.time.Instant;

/**
 * A department was registered or changed; carries its full state, the highest revision wins. Subject and Kafka key:
 * the department code; {@code department} extension: the same code.
 *
 * @param code e.g. SAMR
 * @param revision increases with every change
 * @param name the department's name
 * @param regionCode e.g. 330000
 * @param contact how applicants reach it
 * @param changedAt when it changed
 */
public record DepartmentChanged(
        String code, int revision, Name name, String regionCode, Contact contact, Instant changedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.department.changed.v1";

    /**
     * Contact details; every member may be null.
     *
     * @param phone consultation phone
     * @param address hall or office address
     * @param email e-mail
     * @param officeHours office hours
     */
    public record Contact(String phone, String address, String email, String officeHours) {}
}
