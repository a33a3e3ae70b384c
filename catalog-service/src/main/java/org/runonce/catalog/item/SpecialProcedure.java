package org.runonce.catalog.item;

/** Special procedures (特别程序) whose duration does not count towards the time limit: the clock stops. */
enum SpecialProcedure {
    /** 现场核查. */
    SITE_INSPECTION,
    /** 专家评审. */
    EXPERT_REVIEW,
    /** 公示 / 公告. */
    PUBLIC_NOTICE
}
