package org.runonce.starter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void aRefusalCarriesItsStatusTypeAndMembersInOrder() {
        var refusal = Refusal.conflict("illegal", "Not now", "the case is decided")
                .with("status", "APPROVED")
                .with("allowed", java.util.List.of());

        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.slug()).isEqualTo("illegal");
        assertThat(refusal.detail()).isEqualTo("the case is decided");
        assertThat(refusal.members())
                .containsExactly(
                        java.util.Map.entry("status", "APPROVED"), java.util.Map.entry("allowed", java.util.List.of()));
        assertThat(refusal.getMessage()).isEqualTo("Not now: the case is decided");
    }
}
