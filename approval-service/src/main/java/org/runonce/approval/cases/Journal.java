package org.runonce.approval.cases;

import org.runonce.approval.audit.AuditTrail;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.starter.events.Events;
import org.springframework.stereotype.Component;

/**
 * The case history (the audit chain lives in {@code audit/}): a case's state change is written twice in the same
 * transaction, in its hash-chained audit trail (payload = the event's data) and in the outbox as the event other
 * services see.
 */
@Component
class Journal {

    /**
     * A change as the case's history keeps it.
     *
     * @param action the audit action, e.g. {@code DECIDED}
     * @param actor who
     * @param reason why, or null
     * @param payload the audit payload when there is no event, else null
     * @param event the event other services see, or null (assignments)
     */
    record Entry(String action, String actor, String reason, Object payload, CaseEvent event) {}

    private final AuditTrail audit;
    private final Events events;

    Journal(AuditTrail audit, Events events) {
        this.audit = audit;
        this.events = events;
    }

    /** Writes what a case recorded: the audit entry and, with an event, the event in the outbox. */
    void write(String caseNumber, Entry entry) {
        if (entry.event() == null) {
            audit.append(caseNumber, entry.actor(), entry.action(), entry.reason(), entry.payload());
            return;
        }
        var event = entry.event();
        audit.append(caseNumber, entry.actor(), entry.action(), entry.reason(), event);
        events.publish(CaseEvents.type(event), caseNumber, event.departmentCode(), event);
    }

    /** An entry without an event (assignments, views). */
    void audit(String caseNumber, String action, String actor, String reason, Object payload) {
        audit.append(caseNumber, actor, action, reason, payload);
    }
}
