package org.runonce.approval.cases;

/** Where a case stands; the names are the contract's {@code status} values. */
public enum Status {
    WAITING,
    PENDING,
    IN_REVIEW,
    SUPPLEMENT_REQUESTED,
    SUSPENDED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether the case waits for something outside the department (its clock stopped). */
    public boolean isPaused() {
        return this == SUPPLEMENT_REQUESTED || this == SUSPENDED;
    }
}
