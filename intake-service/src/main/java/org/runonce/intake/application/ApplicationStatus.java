package org.runonce.intake.application;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Something is missing or deficient: a one-time notice lists all of it. */
    PENDING_SUPPLEMENT,
    /** Complete; a window clerk accepts or refuses it (only when automatic acceptance is off). */
    AWAITING_ACCEPTANCE,
    /** Submitted online for an ONLINE_PRE_REVIEW item: a window clerk of the accepting region pre-reviews it (网上预审). */
    PRE_REVIEW,
    /** Passed its pre-review: the applicant brings the originals to the one visit, where it is accepted. */
    PRE_REVIEW_PASSED,
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

    /** Before acceptance, in or past online pre-review. */
    boolean isPreReview() {
        return this == PRE_REVIEW || this == PRE_REVIEW_PASSED;
    }

    boolean isOpenForSupplement() {
        return this == PENDING_SUPPLEMENT || this == AWAITING_ACCEPTANCE;
    }
}
