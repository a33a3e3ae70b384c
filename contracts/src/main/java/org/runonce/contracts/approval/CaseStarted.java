package org.runonce.contracts.approval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A waiting case started: every case it depended on was approved; its clock starts today and the certificates it
 * needed are attached. (A case that did not wait has no such event: it opens {@code PENDING}.)
 *
 * @param header the case after the event (status: {@code PENDING}; step: the current step; assignee: null; actor: {@code system}; clock: the time limit, now running)
 * @param attachedCertificates the certificates of the cases it depended on
 */
public record CaseStarted(@JsonUnwrapped CaseHeader header, List<AttachedCertificate> attachedCertificates)
        implements CaseEvent {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.approval.case.started.v1";
}
