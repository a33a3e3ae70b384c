package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;

/**
 * Every case of the application is decided: the results can be delivered, once for all cases (统一出件).
 *
 * @param applicationNumber the application
 * @param cases each case's outcome
 * @param applicant who is told
 * @param completedAt when the last case was decided
 * @param visits the applicant's visits to the hall for the application so far (跑动次数), or null when not recorded
 *     (older events); supervision's visits per application
 * @param ratingPath the link by which the applicant rates the service without signing in (好差评 by SMS), a path of
 *     the gateway, or null
 */
public record ApplicationCompleted(
        String applicationNumber,
        List<CaseOutcome> cases,
        Applicant applicant,
        Instant completedAt,
        Integer visits,
        String ratingPath) {

    /** A completion whose visits and rating link are not recorded. */
    public ApplicationCompleted(
            String applicationNumber, List<CaseOutcome> cases, Applicant applicant, Instant completedAt) {
        this(applicationNumber, cases, applicant, completedAt, null, null);
    }

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.completed.v1";

    /**
     * @param caseNumber the case
     * @param itemCode its item
     * @param departmentCode its department
     * @param outcome {@code APPROVED} or {@code REJECTED}
     * @param certificateNumber the e-certificate issued, or null
     */
    public record CaseOutcome(
            String caseNumber, String itemCode, String departmentCode, String outcome, String certificateNumber) {}
}
