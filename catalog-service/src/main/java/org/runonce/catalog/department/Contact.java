package org.runonce.catalog.department;

/**
 * How applicants reach a department.
 *
 * @param phone consultation phone, e.g. 0571-12345
 * @param address the hall or office address
 * @param email optional e-mail
 * @param officeHours e.g. 工作日 9:00-17:00
 */
public record Contact(String phone, String address, String email, String officeHours) {}
