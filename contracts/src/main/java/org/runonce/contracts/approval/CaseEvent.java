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

    /** The application the case belongs to, e.g. {@code A-2026-000123}. */
    String applicationNumber();

    /** The case, {@code <applicationNumber>-NN}. */
    String caseNumber();

    /** The item, e.g. {@code samr-company-registration}. */
    String itemCode();

    /** The item version the case is pinned to (the one in force at acceptance). */
    int itemVersion();

    /** The department handling the case, e.g. {@code SAMR}. */
    String departmentCode();

    /** The status after the event, one of {@link CaseStatus}. */
    String status();

    /** The procedure step the case is in after the event (a step code of the item version, e.g. REVIEW). */
    String step();

    /** Username of the reviewer the case is assigned to, or null. */
    String assignee();

    /** Who caused the event (username, or {@code system}). */
    String actor();

    /** The time limit after the event. */
    CaseClock clock();
}
