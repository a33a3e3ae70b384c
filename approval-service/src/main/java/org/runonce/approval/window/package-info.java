/**
 * Decisions at the window (授权到位): a department head authorizes named window clerks for the department's
 * IMMEDIATE items; such a clerk opens and decides the case in one step at acceptance and hands out the certificate.
 * Grants, revocations and every use are recorded in a hash-chained trail per department.
 */
package org.runonce.approval.window;
