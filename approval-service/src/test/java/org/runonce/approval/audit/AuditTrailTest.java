package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash chain finds the first entry that was changed, removed, inserted or re-linked. */
class AuditTrailTest {

    static final Instant AT = Instant.parse("2026-09-23T02:00:00.123456Z");

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditTrail.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String payload = "{\"step\":" + seq + "}";
            String hash = hash("C-1", seq, "li.si", "ACTION_" + seq, null, AT.plusSeconds(seq), payload, prev);
            entries.add(new AuditEntry(
                    "C-1", seq, "li.si", "ACTION_" + seq, null, AT.plusSeconds(seq), payload, prev, hash));
            prev = hash;
        }
        return entries;
    }

    /** The hash of an entry with these fields (the entry's own hash aside). */
    static String hash(
            String caseNumber,
            int seq,
            String actor,
            String action,
            String reason,
            Instant at,
            String payload,
            String prevHash) {
        return AuditTrail.hash(new AuditEntry(caseNumber, seq, actor, action, reason, at, payload, prevHash, null));
    }

    @Test
    void anUntouchedChainVerifies() {
        var result = AuditTrail.verify("C-1", chain(5));
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.lastHash()).isEqualTo(chain(5).getLast().hash());
        assertThat(AuditTrail.verify("C-1", List.of()).intact()).isTrue();
    }

    @Test
    void aChangedReasonIsTheFirstBrokenLink() {
        var entries = chain(5);
        var e = entries.get(2);
        entries.set(
                2,
                new AuditEntry(
                        e.caseNumber(),
                        e.seq(),
                        e.actor(),
                        e.action(),
                        "backdated",
                        e.at(),
                        e.payload(),
                        e.prevHash(),
                        e.hash()));

        var result = AuditTrail.verify("C-1", entries);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aRehashedEntryBreaksTheNextLink() {
        var entries = chain(5);
        var e = entries.get(1);
        String forged =
                hash(e.caseNumber(), e.seq(), "someone.else", e.action(), null, e.at(), e.payload(), e.prevHash());
        entries.set(
                1,
                new AuditEntry(
                        e.caseNumber(),
                        e.seq(),
                        "someone.else",
                        e.action(),
                        null,
                        e.at(),
                        e.payload(),
                        e.prevHash(),
                        forged));

        var result = AuditTrail.verify("C-1", entries);

        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("BROKEN_LINK");
    }

    @Test
    void aRemovedEntryIsMissing() {
        var entries = chain(5);
        entries.remove(3);

        var result = AuditTrail.verify("C-1", entries);

        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo("MISSING_ENTRY");
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        assertThat(hash("C-1", 1, "ab", "c", null, AT, "{}", AuditTrail.GENESIS))
                .isNotEqualTo(hash("C-1", 1, "a", "bc", null, AT, "{}", AuditTrail.GENESIS));
        assertThat(hash("C-1", 1, "a", "b", null, AT, "{}", AuditTrail.GENESIS))
                .isNotEqualTo(hash("C-1", 1, "a", "b", "", AT, "{}", AuditTrail.GENESIS));
    }
}
