package org.runonce.contracts.approval;

import java.util.List;

/**
 * A waiting case started: every case it depended on was approved; its clock starts today and the certificates it
 * needed are attached. (A case that did not wait has no such event: it opens {@code PENDING}.)
 *
 * @param applicationNumber the application
 * @param caseNumber the case
 * @param itemCode the item
 * @param itemVersion the item version
 * @param departmentCode the department
 * @param status {@code PENDING}
 * @param step the current step
 * @param assignee null
 * @param actor {@code system}
 * @param clock the time limit, now running
 * @param attachedCertificates the certificates of the cases it depended on
 */
public record CaseStarted(
        String applicationNumber,
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        String status,
        String step,
        String assignee,
        String actor,
        CaseClock clock,
        List<AttachedCertificate> attachedCertificates)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.started.v1";
}
