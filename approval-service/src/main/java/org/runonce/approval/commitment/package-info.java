/**
 * Commitment approval (告知承诺制): the cases intake accepted on the applicant's commitment instead of the materials it
 * replaces, and the post-approval check (事后核查) each approved one owes within the catalog's working days on the
 * department region's calendar; a failed check revokes the certificate and raises {@code post-approval-check.failed}
 * (for accountability), an unrecorded one past its day {@code post-approval-check.overdue}, once.
 */
package org.runonce.approval.commitment;
