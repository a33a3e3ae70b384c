package org.runonce.approval.accountability;

/** Why an accountability record was opened. */
public enum Rule {
    /** The case passed its promised time undecided (approval's own {@code case.overdue}). */
    CASE_OVERDUE,
    /** A second supplement was requested on the case (approved by a head, flagged). */
    SECOND_SUPPLEMENT,
    /** A bad rating (1 or 2) was not followed up by its due date (or only after it). */
    RATING_NOT_FOLLOWED_UP,
    /** The application was withdrawn or returned by a clerk without the applicant's confirmation. */
    WITHDRAWN_WITHOUT_CONFIRMATION,
    /**
     * The post-approval check (事后核查) of a decision on the applicant's commitment (告知承诺) failed: the certificate
     * was revoked.
     */
    POST_APPROVAL_CHECK_FAILED,
    /**
     * Materials pledged at an acceptance with deficiencies (容缺) were not handed in by the pledge date (intake's
     * {@code application.pledge-overdue}).
     */
    SUPPLEMENT_OVERDUE
}
