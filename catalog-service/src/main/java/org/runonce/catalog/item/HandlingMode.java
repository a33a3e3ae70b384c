package org.runonce.catalog.item;

/** How an applicant gets an item done, from the reform's point of view (办理方式). */
public enum HandlingMode {
    /** 零上门: fully online, no visit. */
    ZERO_VISIT(0),
    /** 最多跑一次: at most one visit. */
    RUN_ONCE(1),
    /** 即来即办: done on the spot in one visit. */
    IMMEDIATE(1),
    /** 网上预审、窗口即时办结: checked online beforehand, finished at the window in one visit. */
    ONLINE_PRE_REVIEW(1),
    /** The exception the reform sets out to remove: more than one visit. */
    MULTIPLE_VISITS(Integer.MAX_VALUE);

    private final int maxVisits;

    HandlingMode(int maxVisits) {
        this.maxVisits = maxVisits;
    }

    /** Whether the mode counts towards the zero/one-visit share of the reform targets. */
    public boolean atMostOneVisit() {
        return maxVisits <= 1;
    }

    /** Whether {@code visits} physical visits are consistent with this mode. */
    public boolean allows(int visits) {
        return this == MULTIPLE_VISITS ? visits >= 2 : visits >= 0 && visits <= maxVisits;
    }
}
