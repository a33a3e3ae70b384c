package org.runonce.approval.cases;

/**
 * Who decides, and why.
 *
 * @param actor the reviewer, head or window clerk
 * @param reason reasoning (required for a rejection)
 * @param legalBasis legal basis (required for a rejection)
 */
record Verdict(String actor, String reason, String legalBasis) {

    /** The system's rejection of a case whose prerequisite was not approved. */
    static Verdict prerequisiteNotApproved(String prerequisiteCase) {
        return new Verdict(
                "system",
                "前置事项未获批准 / prerequisite case " + prerequisiteCase + " was not approved",
                "前置事项为本事项的办理条件 / the prerequisite's approval is a condition of this item");
    }
}
