package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyed hash chain finds the first entry that was changed, removed, inserted or re-linked, an entry re-chained
 * without the key, and a trail shorter than its checkpoint.
 */
class AuditTrailTest {

    static final Instant AT = Instant.parse("2026-09-23T02:00:00.123456Z");

    static final ChainKey KEY = ChainKey.of("test", "a test key of at least thirty-two characters");

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
        return AuditTrail.hash(
                new AuditEntry(caseNumber, seq, actor, action, reason, at, payload, prevHash, null), KEY);
    }

    static ChainVerification verify(List<AuditEntry> entries) {
        return AuditTrail.verify(
                "C-1", entries, entries.stream().map(e -> KEY.id()).toList(), KEY);
    }

    @Test
    void anUntouchedChainVerifies() {
        var result = verify(chain(5));
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.lastHash()).isEqualTo(chain(5).getLast().hash());
        assertThat(verify(List.of()).intact()).isTrue();
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

        var result = verify(entries);

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

        var result = verify(entries);

        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("BROKEN_LINK");
    }

    @Test
    void aRemovedEntryIsMissing() {
        var entries = chain(5);
        entries.remove(3);

        var result = verify(entries);

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

    /** Issue 16 item 6: plain SHA-256 (what anyone can compute) no longer makes a hash the chain accepts. */
    @Test
    void anEntryReChainedWithoutTheKeyIsFound() throws Exception {
        var entries = chain(5);
        var edited = new ArrayList<AuditEntry>(entries.subList(0, 2));
        String prev = entries.get(1).hash();
        for (int i = 2; i < 5; i++) {
            var e = entries.get(i);
            var forged = new AuditEntry(
                    e.caseNumber(),
                    e.seq(),
                    i == 2 ? "someone.else" : e.actor(),
                    e.action(),
                    e.reason(),
                    e.at(),
                    e.payload(),
                    prev,
                    null);
            String hash = ChainKey.of("guess", "not the key, but thirty-two characters")
                    .mac(forged.toString());
            edited.add(new AuditEntry(
                    forged.caseNumber(),
                    forged.seq(),
                    forged.actor(),
                    forged.action(),
                    forged.reason(),
                    forged.at(),
                    forged.payload(),
                    prev,
                    hash));
            prev = hash;
        }

        var result = verify(edited);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aTrailShorterThanItsCheckpointIsTruncatedAndAnotherHeadIsAMismatch() {
        var entries = chain(5);
        var checkpoint = new AuditTrail.Checkpoint(5, entries.get(4).hash());

        assertThat(AuditTrail.against("C-1", entries, checkpoint).intact()).isTrue();
        var truncated = AuditTrail.against("C-1", entries.subList(0, 3), checkpoint);
        assertThat(truncated.problem()).isEqualTo("TRUNCATED");
        assertThat(truncated.firstBrokenSeq()).isEqualTo(4);
        var other = AuditTrail.against("C-1", chain(6), new AuditTrail.Checkpoint(5, "f".repeat(64)));
        assertThat(other.problem()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(other.firstBrokenSeq()).isEqualTo(5);
    }

    @Test
    void anEntryOfAnotherKeyIsNotTakenForOne() {
        var entries = chain(2);
        var result = AuditTrail.verify("C-1", entries, List.of("test", "legacy"), KEY);
        assertThat(result.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(result.firstBrokenSeq()).isEqualTo(2);
    }
}
