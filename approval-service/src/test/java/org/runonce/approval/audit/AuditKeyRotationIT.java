package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.approval.RunningApproval;
import org.runonce.starter.domain.Time;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the audit chain's key on real PostgreSQL: a case's trail chained under the key in use (the service's,
 * {@code local-demo} here), then, once the new key is current, on under it; the whole trail verifies with both keys,
 * its checkpoint names the new key; an instance that does not know the new key finds it unknown, and a trail re-chained
 * with a key the service does not know (under its own id, or under a known id) fails.
 */
class AuditKeyRotationIT extends RunningApproval {

    static final ChainKey NEXT = ChainKey.of("audit-next", "the key rotated in: random, at least 32 characters");
    static final ChainKey ROGUE = ChainKey.of("audit-rogue", "a key the service never had, 32 characters long");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    Time time;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSourceProperties owner;

    /** The service after the rotation: the new key current, the old one kept to verify. */
    AuditTrail rotated() {
        return new AuditTrail(
                jdbc,
                json,
                time,
                new ChainKeys(NEXT, Map.of(NEXT.id(), NEXT, trail.key().id(), trail.key())));
    }

    void append(AuditTrail with, String number, String action) {
        transactions.executeWithoutResult(tx -> with.append(number, "li.samr", action, null, Map.of("step", action)));
    }

    /** Opened and two entries under the old key, two under the new one. */
    String rotatedTrail(AuditTrail rotated) {
        String number = foodLicenceAcceptedOn("2026-09-22");
        append(trail, number, "NOTED_BEFORE");
        append(trail, number, "NOTED_BEFORE_AGAIN");
        append(rotated, number, "NOTED_AFTER");
        append(rotated, number, "NOTED_AFTER_AGAIN");
        return number;
    }

    @Test
    void entriesUnderTheOldKeyStillVerifyAfterTheRotationAndTheCheckpointNamesTheNewKey() {
        var rotated = rotated();
        String number = rotatedTrail(rotated);

        assertThat(jdbc.sql("select key_id from audit_entry where case_number = ? order by seq")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactly("local-demo", "local-demo", "local-demo", "audit-next", "audit-next");
        var verified = rotated.verify(number);
        assertThat(verified.intact()).isTrue();
        assertThat(verified.entries()).isEqualTo(5);

        assertThat(checkpoints.checkpoint())
                .filteredOn(c -> c.trail().equals(number))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.entries()).isEqualTo(5);
                    assertThat(c.keyId()).isEqualTo("audit-next");
                    assertThat(c.headHash()).isEqualTo(verified.lastHash());
                });
        assertThat(rotated.verify(number).intact()).isTrue();

        // an instance not given the new key (why the README introduces it everywhere before making it current)
        var before = trail.verify(number);
        assertThat(before.intact()).isFalse();
        assertThat(before.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(before.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void aTrailReChainedWithAKeyTheServiceDoesNotKnowFails() throws Exception {
        var rotated = rotated();
        var tampering = new Tampering(owner, jdbc);
        String named = rotatedTrail(rotated);
        String disguised = rotatedTrail(rotated);

        // re-chained from entry 2 on with a key of its own, under that key's id
        tampering.editAndRechain(named, 2, ROGUE, ROGUE.id());
        var unknown = rotated.verify(named);
        assertThat(unknown.intact()).isFalse();
        assertThat(unknown.problem()).isEqualTo("UNKNOWN_KEY");
        assertThat(unknown.firstBrokenSeq()).isEqualTo(2);

        // or under the id of a key the service knows
        tampering.editAndRechain(disguised, 2, ROGUE, "local-demo");
        var forged = rotated.verify(disguised);
        assertThat(forged.intact()).isFalse();
        assertThat(forged.problem()).isEqualTo("HASH_MISMATCH");
        assertThat(forged.firstBrokenSeq()).isEqualTo(2);
    }
}
