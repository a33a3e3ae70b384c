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
                "C-1", entries, entries.stream().map(e -> KEY.id()).toList(), ChainKeys.of(KEY));
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
        var result = AuditTrail.verify("C-1", entries, List.of("test", "legacy"), ChainKeys.of(KEY));
        assertThat(result.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(result.firstBrokenSeq()).isEqualTo(2);
    }

    static final ChainKey ROTATED = ChainKey.of("rotated", "the key rotated in, also thirty-two characters");

    /** Three entries under {@link #KEY}, then two under {@link #ROTATED}, chained on from the third. */
    static List<AuditEntry> rotatedChain() {
        List<AuditEntry> entries = new ArrayList<>(chain(3));
        String prev = entries.getLast().hash();
        for (int seq = 4; seq <= 5; seq++) {
            var e = new AuditEntry("C-1", seq, "li.si", "ACTION_" + seq, null, AT.plusSeconds(seq), "{}", prev, null);
            String hash = AuditTrail.hash(e, ROTATED);
            entries.add(
                    new AuditEntry(e.caseNumber(), seq, e.actor(), e.action(), null, e.at(), e.payload(), prev, hash));
            prev = hash;
        }
        return entries;
    }

    @Test
    void aTrailChainedAcrossAKeyRotationVerifiesWithBothKeysAndOnlyWithBoth() {
        var entries = rotatedChain();
        var ids = List.of("test", "test", "test", "rotated", "rotated");

        var rotated = new ChainKeys(ROTATED, java.util.Map.of("rotated", ROTATED, "test", KEY));
        assertThat(AuditTrail.verify("C-1", entries, ids, rotated).intact()).isTrue();
        assertThat(AuditTrail.verify("C-1", entries, ids, rotated).entries()).isEqualTo(5);

        // an instance that does not know the new key yet, or no longer the old one
        var before = AuditTrail.verify("C-1", entries, ids, ChainKeys.of(KEY));
        assertThat(before.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(before.firstBrokenSeq()).isEqualTo(4);
        var forgotten = AuditTrail.verify("C-1", entries, ids, ChainKeys.of(ROTATED));
        assertThat(forgotten.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(forgotten.firstBrokenSeq()).isEqualTo(1);

        // an entry naming the old key but chained with the new one is no entry of the old key
        var swapped = List.of("test", "test", "test", "test", "rotated");
        assertThat(AuditTrail.verify("C-1", entries, swapped, rotated).problem())
                .isEqualTo("HASH_MISMATCH");
    }

    @Test
    void theEntriesAfterAVerifiedPositionVerifyChainedFromIt() {
        var entries = rotatedChain();
        var rotated = new ChainKeys(ROTATED, java.util.Map.of("rotated", ROTATED, "test", KEY));

        var tail = AuditTrail.verify(
                "C-1",
                entries.subList(3, 5),
                List.of("rotated", "rotated"),
                rotated,
                3,
                entries.get(2).hash());
        assertThat(tail.intact()).isTrue();
        assertThat(tail.entries()).isEqualTo(5);
        assertThat(tail.lastHash()).isEqualTo(entries.getLast().hash());

        var elsewhere = AuditTrail.verify(
                "C-1", entries.subList(3, 5), List.of("rotated", "rotated"), rotated, 3, "f".repeat(64));
        assertThat(elsewhere.problem()).isEqualTo("BROKEN_LINK");
        assertThat(elsewhere.firstBrokenSeq()).isEqualTo(4);
        var nothingNew = AuditTrail.verify(
                "C-1", List.of(), List.of(), rotated, 5, entries.getLast().hash());
        assertThat(nothingNew.intact()).isTrue();
        assertThat(nothingNew.lastHash()).isEqualTo(entries.getLast().hash());
    }

    @Test
    void theKeysComeFromTheSettingsAndAMountedSecretsFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("audit-20260101"), "an older key of at least thirty-two chars\n");
        java.nio.file.Files.createDirectory(dir.resolve("..2026_12_07"));
        java.nio.file.Files.writeString(dir.resolve("..data"), "kubernetes' own link, not a key");

        var keys = ChainKeys.of(audit(java.util.Map.of("next", "the next key, thirty-two characters long"), dir));

        assertThat(keys.current().id()).isEqualTo("current");
        assertThat(keys.byId()).containsOnlyKeys("current", "next", "audit-20260101");
        assertThat(keys.find("audit-20260101").orElseThrow().secret())
                .isEqualTo(
                        "an older key of at least thirty-two chars".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(keys.find("unknown")).isEmpty();
        assertThat(ChainKeys.of(audit(java.util.Map.of(), dir.resolve("missing")))
                        .byId())
                .containsOnlyKeys("current");
    }

    @Test
    void aShortKeyOrAnIdGivenTwoKeysIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ChainKeys.of(audit(java.util.Map.of("old", "too short"), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shorter than 32");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChainKeys.of(
                        audit(java.util.Map.of("current", "another key under the current key's id"), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two different keys");
        // the current key repeated among the others (the key introduced ahead, once it is current) is the same key
        assertThat(ChainKeys.of(audit(java.util.Map.of("current", CURRENT), null))
                        .byId())
                .containsOnlyKeys("current");
    }

    static final String CURRENT = "the current key, at least thirty-two characters";

    static org.runonce.approval.ApprovalProperties.Audit audit(
            java.util.Map<String, String> verifyKeys, java.nio.file.Path dir) {
        return new org.runonce.approval.ApprovalProperties.Audit(
                CURRENT,
                "current",
                verifyKeys,
                dir,
                false,
                java.time.Duration.ofMinutes(1),
                false,
                java.time.Duration.ofMinutes(5),
                100);
    }
}
