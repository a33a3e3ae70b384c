package org.runonce.catalog.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.catalog.item.Guides.guide;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.item.HandlingMode;
import org.runonce.catalog.statistics.ReformStatistics.Figures;
import org.runonce.catalog.statistics.ReformStatistics.ModeShare;
import org.runonce.catalog.statistics.ReformStatistics.Target;

class ReformStatisticsTest {

    @Test
    void sharesPerModeAndAgainstTheTargets() {
        ReformStatistics statistics = ReformStatistics.of(List.of(
                guide().department("SAMR")
                        .mode(HandlingMode.ZERO_VISIT, 0)
                        .timeLimits(20, 4)
                        .build(),
                guide().department("SAMR")
                        .mode(HandlingMode.RUN_ONCE, 1)
                        .timeLimits(10, 5)
                        .build(),
                guide().department("SAMR")
                        .mode(HandlingMode.ONLINE_PRE_REVIEW, 1)
                        .timeLimits(10, 7)
                        .build(),
                guide().department("SAMR")
                        .mode(HandlingMode.MULTIPLE_VISITS, 2)
                        .timeLimits(0, 0)
                        .build(),
                guide().department("TAX")
                        .mode(HandlingMode.IMMEDIATE, 1)
                        .timeLimits(10, 0)
                        .build()));

        Figures overall = statistics.overall();
        assertThat(overall.publishedItems()).isEqualTo(5);
        assertThat(overall.atMostOneVisitItems()).isEqualTo(4);
        assertThat(overall.atMostOneVisitShare()).isEqualByComparingTo("0.8");
        assertThat(overall.targets()).extracting(Target::reached).containsExactly(true, true, false);
        // cuts 0.8, 0.5, 0.3, 1.0 (the zero statutory limit is left out): mean 0.65
        assertThat(overall.averagePromisedCut()).isEqualByComparingTo("0.65");
        assertThat(overall.byHandlingMode())
                .extracting(ModeShare::mode, ModeShare::items)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(HandlingMode.MULTIPLE_VISITS, 1),
                        org.assertj.core.groups.Tuple.tuple(HandlingMode.IMMEDIATE, 1));

        Figures samr = statistics.departments().getFirst();
        assertThat(samr.departmentCode()).isEqualTo("SAMR");
        assertThat(samr.atMostOneVisitShare()).isEqualByComparingTo("0.75");
        assertThat(samr.targets()).extracting(Target::reached).containsExactly(true, true, false);
        assertThat(statistics.departments().get(1).atMostOneVisitShare()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void entryRateIsTheShareOfItemsHandledInTheHall() {
        ReformStatistics statistics = ReformStatistics.of(
                java.util.Map.of(
                        "a",
                                guide().department("PSB")
                                        .mode(HandlingMode.RUN_ONCE, 1)
                                        .build(),
                        "b",
                                guide().department("PSB")
                                        .mode(HandlingMode.RUN_ONCE, 1)
                                        .build(),
                        "c",
                                guide().department("PSB")
                                        .mode(HandlingMode.MULTIPLE_VISITS, 2)
                                        .build(),
                        "d",
                                guide().department("TAX")
                                        .mode(HandlingMode.ZERO_VISIT, 0)
                                        .build()),
                java.util.Set.of("a", "b", "d", "not-in-force"));

        // PSB 2 of 3, TAX 1 of 1, overall 3 of 4: an entered item without a guide in force counts nowhere
        assertThat(statistics.overall().enteredItems()).isEqualTo(3);
        assertThat(statistics.overall().entryRate()).isEqualByComparingTo("0.75");
        assertThat(statistics.departments())
                .extracting(Figures::departmentCode, Figures::enteredItems, Figures::entryRate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PSB", 2, new BigDecimal("0.6667")),
                        org.assertj.core.groups.Tuple.tuple("TAX", 1, new BigDecimal("1.0000")));
        assertThat(ReformStatistics.of(List.of()).overall().entryRate()).isEqualByComparingTo("0");
    }

    @Test
    void noItemsReachNoTarget() {
        Figures overall = ReformStatistics.of(List.of()).overall();

        assertThat(overall.atMostOneVisitShare()).isEqualByComparingTo("0");
        assertThat(overall.targets()).extracting(Target::reached).containsOnly(false);
    }
}
