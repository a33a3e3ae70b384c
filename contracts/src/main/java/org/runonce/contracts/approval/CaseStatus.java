package org.runonce.contracts.approval;

/**
 * The values of {@link CaseEvent#status()} (strings on the wire, so a new value does not break consumers).
 *
 * <ul>
 *   <li>{@code WAITING}: opened, waits for the cases it depends on to be decided; its clock does not run
 *   <li>{@code PENDING}: in its department's queue, clock running, review not started
 *   <li>{@code IN_REVIEW}: a reviewer works on it
 *   <li>{@code SUPPLEMENT_REQUESTED}: waits for the applicant's supplement; clock stopped
 *   <li>{@code SUSPENDED}: a special procedure runs (site inspection, expert review, public notice); clock stopped
 *   <li>{@code APPROVED}, {@code REJECTED}: decided (final)
 *   <li>{@code WITHDRAWN}: the applicant withdrew the application (final)
 * </ul>
 */
public final class CaseStatus {

    public static final String WAITING = "WAITING";
    public static final String PENDING = "PENDING";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private CaseStatus() {}

    /** Whether nothing happens to a case in this status any more. */
    public static boolean isFinal(String status) {
        return APPROVED.equals(status) || REJECTED.equals(status) || WITHDRAWN.equals(status);
    }
}
