package org.runonce.intake.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reform's staged targets for the share of zero/one-visit business (零上门 and 只跑一次), {@code
 * runonce.intake.reform.*}. The defaults are the ones the reform set out with (吉市政发〔2018〕2号): 50 % by mid-March,
 * 70 % by the end of May and 85 % by the end of July 2018; a city sets its own with
 * {@code runonce.intake.reform.targets[0].share=0.5}, {@code ...targets[0].due=2018-03-15}, ...
 *
 * @param targets each share to reach and the day it is due, ordered by day
 * @param countedModes the catalog's handling modes that count towards the targets: those needing at most one visit,
 *     as the catalog's own statistics count them
 */
@Validated
@ConfigurationProperties("runonce.intake.reform")
record ReformTargets(@Valid List<Target> targets, List<String> countedModes) {

    /** The reform's own: 50 % by 2018-03-15, 70 % by 2018-05-31, 85 % by 2018-07-31. */
    static final List<Target> DEFAULT_TARGETS = List.of(
            new Target(0.50, LocalDate.of(2018, 3, 15)),
            new Target(0.70, LocalDate.of(2018, 5, 31)),
            new Target(0.85, LocalDate.of(2018, 7, 31)));

    /** ZERO_VISIT (零上门), RUN_ONCE (最多跑一次), IMMEDIATE (即来即办), ONLINE_PRE_REVIEW (网上预审、窗口即时办结). */
    static final List<String> DEFAULT_COUNTED_MODES =
            List.of("ZERO_VISIT", "RUN_ONCE", "IMMEDIATE", "ONLINE_PRE_REVIEW");

    ReformTargets {
        targets = targets == null || targets.isEmpty()
                ? DEFAULT_TARGETS
                : targets.stream()
                        .sorted(Comparator.comparing(Target::due, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList();
        countedModes =
                countedModes == null || countedModes.isEmpty() ? DEFAULT_COUNTED_MODES : List.copyOf(countedModes);
    }

    /**
     * @param share the share of zero/one-visit business to reach, 0..1
     * @param due the day by which it is to be reached
     */
    record Target(
            @DecimalMin("0.0") @DecimalMax("1.0") double share,
            @NotNull LocalDate due) {}
}
