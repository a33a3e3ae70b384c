package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;

/** The one-time supplement rule on its own: one request, a second only after a head's approval, never a third. */
class SupplementsTest {

    static final Instant NOW = Instant.parse("2026-09-23T02:00:00Z");

    static Supplements none() {
        return new Supplements("C-1", Supplements.SecondApproval.NONE, List.of());
    }

    @Test
    void theSecondRequestCarriesTheHeadsApprovalAndIsFlagged() {
        var s = none();
        assertThat(s.mayRequest()).isTrue();
        var first = s.request("li.si", List.of(), "缺材料", NOW);
        assertThat(first.requestNumber()).isEqualTo(1);
        assertThat(first.flagged()).isFalse();
        assertThat(s.secondAwaitsApproval()).isTrue();
        assertThatThrownBy(() -> s.request("li.si", List.of(), "again", NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("second-supplement-not-approved"));

        s.approveSecond("the.head", "申请人变更经营场所", NOW);
        var second = s.request("li.si", List.of(), "again", NOW);

        assertThat(second.flagged()).isTrue();
        assertThat(second.secondApprovedBy()).isEqualTo("the.head");
        assertThat(second.secondApproval()).isEqualTo("申请人变更经营场所");
        assertThat(s.mayRequest()).isFalse();
        assertThat(s.changed()).isTrue();
    }

    @Test
    void receivingMarksTheOpenRequestOnly() {
        var s = none();
        s.request("li.si", List.of(), "缺材料", NOW);
        s.received(NOW.plusSeconds(60), "system");
        s.received(NOW.plusSeconds(120), "li.si");

        assertThat(s.requests().getFirst().receivedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(s.requests().getFirst().receivedBy()).isEqualTo("system");
    }
}
