package org.runonce.catalog.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;

class HallEntryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void changesAreNumberedAndHoldFromTheirDay() {
        HallEntry entry = HallEntry.of("psb-residence-permit", List.of());

        HallEntryChange first = entry.change(true, LocalDate.of(2026, 11, 17), null, "li.guanli", TODAY, NOW)
                .orElseThrow();
        HallEntryChange second = entry.change(false, null, "  须民警实地核查  ", "wang.guanli", TODAY, NOW)
                .orElseThrow();

        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.since()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.since()).isEqualTo(TODAY);
        assertThat(second.reason()).isEqualTo("须民警实地核查");
        assertThat(second.changedBy()).isEqualTo("wang.guanli");
        assertThat(entry.current()).contains(second);
    }

    @Test
    void theSameStateAgainRecordsNothing() {
        HallEntry entry = HallEntry.of("tax-new-taxpayer-setup", List.of());
        entry.change(true, null, null, "li.guanli", TODAY, NOW);

        assertThat(entry.change(true, null, " ", "li.guanli", TODAY, NOW)).isEmpty();
        assertThat(entry.changes()).hasSize(1);
    }

    @Test
    void everyInvalidFieldIsRefusedAtOnceAndNothingIsRecorded() {
        HallEntry entry = HallEntry.of("hsa-medical-expense-reimbursement", List.of());
        entry.change(true, TODAY, null, "li.guanli", TODAY, NOW);

        assertThatThrownBy(() -> entry.change(false, TODAY.plusDays(1), null, "li.guanli", TODAY, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.slug()).isEqualTo("validation-failed");
                    assertThat((List<?>) r.members().get("errors"))
                            .extracting(
                                    e -> ((HallEntry.FieldError) e).field() + " " + ((HallEntry.FieldError) e).code())
                            .containsExactly("reason REQUIRED", "since IN_FUTURE");
                });
        assertThatThrownBy(() -> entry.change(false, TODAY.minusDays(1), "x".repeat(501), "li.guanli", TODAY, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat((List<?>) r.members().get("errors"))
                                .extracting(e -> ((HallEntry.FieldError) e).code())
                                .containsExactly("TOO_LONG", "BEFORE_LAST_CHANGE"));
        assertThat(entry.changes()).hasSize(1);
    }
}
