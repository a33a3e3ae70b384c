package org.runonce.contracts.approval;

/**
 * What every case event carries, whatever happened: which case, where it is handled, its status after the event
 * and its clock. Subject and Kafka key: {@link #caseNumber()}; {@code department} extension: {@link
 * #departmentCode()}.
 */
public sealed interface CaseEvent
        permits CaseOpened,
                CaseStarted,
                ReviewStarted,
                StepAdvanced,
                SupplementRequested,
                CaseSuspended,
                CaseResumed,
                CaseDecided,
                CaseWithdrawn,
                CaseWarning,
                CaseOverdue {

    /** Which case, where it is handled, its status, step, assignee and clock after the event; who caused it. */
    CaseHeader header();

    /** The application the case belongs to, e.g. {@code A-2026-000123}. */
    default String applicationNumber() {
        return header().applicationNumber();
    }

    /** The case, {@code <applicationNumber>-NN}. */
    default String caseNumber() {
        return header().caseNumber();
    }

    /** The item, e.g. {@code samr-company-registration}. */
    default String itemCode() {
        return header().itemCode();
    }

    /** The item version the case is pinned to (the one in force at acceptance). */
    default int itemVersion() {
        return header().itemVersion();
    }

    /** The department handling the case, e.g. {@code SAMR}. */
    default String departmentCode() {
        return header().departmentCode();
    }

    /** The status after the event, one of {@link CaseStatus}. */
    default String status() {
        return header().status();
    }

    /** The procedure step the case is in after the event (a step code of the item version, e.g. REVIEW). */
    default String step() {
        return header().step();
    }

    /** Username of the reviewer the case is assigned to, or null. */
    default String assignee() {
        return header().assignee();
    }

    /** Who caused the event (username, or {@code system}). */
    default String actor() {
        return header().actor();
    }

    /** The time limit after the event. */
    default CaseClock clock() {
        return header().clock();
    }
}
