package org.runonce.contracts.intake;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.catalog.Name;

/**
 * An application submitted online for items handled ONLINE_PRE_REVIEW passed a window clerk's online pre-review
 * (网上预审): the applicant comes once, with the originals listed, and it is accepted in that visit. The applicant is
 * told (notification); no department extension.
 *
 * @param applicationNumber the application
 * @param originals what the applicant shows at the visit
 * @param note the clerk's remark to the applicant, or null
 * @param passedBy the clerk's username
 * @param applicant who is told
 * @param passedAt when
 */
public record ApplicationPreReviewPassed(
        String applicationNumber,
        List<Original> originals,
        String note,
        String passedBy,
        Applicant applicant,
        Instant passedAt) {

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.intake.application.pre-review-passed.v1";

    /**
     * An original to bring.
     *
     * @param materialCode the material
     * @param name its name
     * @param form ORIGINAL or ORIGINAL_AND_COPY, as the item's guide asks
     */
    public record Original(String materialCode, Name name, String form) {}
}
