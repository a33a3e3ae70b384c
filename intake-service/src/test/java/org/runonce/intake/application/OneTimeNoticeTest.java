package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;

class OneTimeNoticeTest {

    static final Instant NOW = Fixtures.at("2026-11-20T10:00");
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    final Requirements requirements = Fixtures.item("samr-company-registration");

    List<MaterialState> deficiencies(Map<String, Provision> given) {
        return Completeness.deficiencies(Completeness.check(requirements.materials(), given, Fixtures.person(), TODAY));
    }

    @Test
    void theFirstNoticeListsEveryDeficiencyAtOnce() {
        List<MaterialState> missing = deficiencies(Map.of());

        Notice notice = new OneTimeNotice("330000-2026-000009", requirements, List.of())
                .next(missing, Map.of(), NOW)
                .orElseThrow();

        assertThat(notice.number()).isEqualTo("330000-2026-000009-N1");
        assertThat(notice.second()).isFalse();
        assertThat(notice.items()).hasSameSizeAs(missing).allSatisfy(item -> {
            assertThat(item.firstListed()).isTrue();
            assertThat(item.cause()).isNull();
        });
    }

    @Test
    void nothingNewMeansNoNoticeAndSomethingNewAFlaggedSecondOneListingEverything() {
        List<MaterialState> missing = deficiencies(Map.of());
        Notice first = new OneTimeNotice("330000-2026-000009", requirements, List.of())
                .next(missing, Map.of(), NOW)
                .orElseThrow();
        OneTimeNotice rule = new OneTimeNotice("330000-2026-000009", requirements, List.of(first));

        assertThat(rule.next(missing, Map.of(), NOW)).isEmpty();

        Map<String, Provision> unreadable = Map.of(
                "ID_CARD",
                Provision.document("ID_CARD", UUID.randomUUID(), false, NOW).afterNotices(1));
        Notice second = rule.next(deficiencies(unreadable), unreadable, NOW).orElseThrow();

        assertThat(second.number()).isEqualTo("330000-2026-000009-N2");
        assertThat(second.second()).isTrue();
        assertThat(second.items()).hasSameSizeAs(missing);
        assertThat(second.items())
                .filteredOn(Notice.Item::firstListed)
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.materialCode()).isEqualTo("ID_CARD");
                    assertThat(item.reason()).isEqualTo(Completeness.DOCUMENT_UNREADABLE);
                    assertThat(item.cause()).isEqualTo(Notice.SUPPLIED_AFTER_NOTICE);
                });
    }
}
