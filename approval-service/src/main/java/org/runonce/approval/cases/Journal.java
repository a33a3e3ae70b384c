package org.runonce.approval.cases;

import org.runonce.approval.audit.AuditTrail;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Component;

/**
 * Records a case's state change twice in the same transaction: in its audit trail (payload = the event's data) and
 * in the outbox as the event other services see.
 */
@Component
class Journal {

    private final AuditTrail audit;
    private final Events events;

    Journal(AuditTrail audit, Events events) {
        this.audit = audit;
        this.events = events;
    }

    void record(String action, String actor, String reason, CaseEvent event) {
        audit.append(event.caseNumber(), actor, action, reason, event);
        events.publish(CaseEvents.type(event), event.caseNumber(), event.departmentCode(), event);
    }

    /** An entry without an event (assignments, views). */
    void audit(String caseNumber, String action, String actor, String reason, Object payload) {
        audit.append(caseNumber, actor, action, reason, payload);
    }
}
