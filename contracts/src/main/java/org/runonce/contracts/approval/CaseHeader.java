package org.runonce.contracts.approval;

/**
 * What every case event says about the case after the change. On the wire its members stand at the top level of the
 * event's data (each event unwraps it), beside the event's own members; in Java every {@link CaseEvent} has it as
 * {@link CaseEvent#header()} and reads its members directly ({@code event.caseNumber()}).
 *
 * @param applicationNumber the application the case belongs to, e.g. {@code A-2026-000123}
 * @param caseNumber the case, {@code <applicationNumber>-NN}
 * @param itemCode the item, e.g. {@code samr-company-registration}
 * @param itemVersion the item version the case is pinned to (the one in force at acceptance)
 * @param departmentCode the department handling the case, e.g. {@code SAMR}
 * @param status the status after the event, one of {@link CaseStatus}
 * @param step the procedure step the case is in after the event (a step code of the item version, e.g. REVIEW)
 * @param assignee username of the reviewer the case is assigned to, or null
 * @param actor who caused the event (username, or {@code system})
 * @param clock the time limit after the event
 */
public record CaseHeader(
        String applicationNumber,
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        String status,
        String step,
        String assignee,
        String actor,
        CaseClock clock) {}
