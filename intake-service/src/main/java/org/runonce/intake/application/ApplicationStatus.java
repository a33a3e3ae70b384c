package org.runonce.intake.application;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Something is missing or deficient: a one-time notice lists all of it. */
    PENDING_SUPPLEMENT,
    /** Complete; a window clerk accepts or refuses it (only when automatic acceptance is off). */
    AWAITING_ACCEPTANCE,
    /** Accepted (受理): split into cases that run in their departments. */
    ACCEPTED,
    /** Accepted with deficiencies, and the pledge date passed without the missing materials. */
    OVERDUE_PLEDGE,
    /** Refused (不予受理). */
    REFUSED,
    /** Withdrawn by the applicant before any decision. */
    WITHDRAWN,
    /** Every case is decided. */
    COMPLETED;

    boolean isAccepted() {
        return this == ACCEPTED || this == OVERDUE_PLEDGE;
    }

    boolean isOpenForSupplement() {
        return this == PENDING_SUPPLEMENT || this == AWAITING_ACCEPTANCE;
    }
}
