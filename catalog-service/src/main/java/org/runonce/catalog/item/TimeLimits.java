package org.runonce.catalog.item;

import org.runonce.starter.domain.Refusal;

/**
 * Time limits in working days, counted from legal acceptance; special procedures do not count.
 *
 * @param statutoryWorkingDays 法定时限, what the law allows
 * @param promisedWorkingDays 承诺时限, what the department promises; at most 70% of the statutory limit
 */
public record TimeLimits(Integer statutoryWorkingDays, Integer promisedWorkingDays) {

    public TimeLimits {
        if ((statutoryWorkingDays != null && statutoryWorkingDays < 0)
                || (promisedWorkingDays != null && promisedWorkingDays < 0)) {
            throw Refusal.invalid("time limits cannot be negative");
        }
    }

    boolean disclosed() {
        return statutoryWorkingDays != null && promisedWorkingDays != null;
    }

    /** The reform rule: promised at least 30% below statutory, i.e. promised <= 0.7 * statutory (exactly). */
    public boolean promisedCutAtLeast30Percent() {
        return disclosed() && promisedWorkingDays * 10L <= statutoryWorkingDays * 7L;
    }
}
