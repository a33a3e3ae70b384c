package org.runonce.intake.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The reform targets bind from {@code runonce.intake.reform.*}, with the reform's own as defaults. */
class ReformTargetsTest {

    private static ReformTargets bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("runonce.intake.reform", Bindable.of(ReformTargets.class));
    }

    @Test
    void withoutSettingsTheTargetsAreTheReformsOwn() {
        ReformTargets targets = bind(Map.of());

        assertThat(targets.targets())
                .extracting(ReformTargets.Target::share, ReformTargets.Target::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0.5, LocalDate.of(2018, 3, 15)),
                        org.assertj.core.groups.Tuple.tuple(0.7, LocalDate.of(2018, 5, 31)),
                        org.assertj.core.groups.Tuple.tuple(0.85, LocalDate.of(2018, 7, 31)));
        assertThat(targets.countedModes()).containsExactly("ZERO_VISIT", "RUN_ONCE", "IMMEDIATE", "ONLINE_PRE_REVIEW");
    }

    @Test
    void aCitySetsItsOwnTargetsOrderedByDay() {
        ReformTargets targets = bind(Map.of(
                "runonce.intake.reform.targets[0].share", "0.9",
                "runonce.intake.reform.targets[0].due", "2027-12-31",
                "runonce.intake.reform.targets[1].share", "0.6",
                "runonce.intake.reform.targets[1].due", "2027-06-30",
                "runonce.intake.reform.counted-modes", "ZERO_VISIT,RUN_ONCE"));

        assertThat(targets.targets()).extracting(ReformTargets.Target::share).containsExactly(0.6, 0.9);
        assertThat(targets.countedModes()).containsExactly("ZERO_VISIT", "RUN_ONCE");
    }
}
