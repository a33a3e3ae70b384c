package org.runonce.approval.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.approval.ApprovalProperties;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and verifies the per-case audit trail, chained with a key held outside the database (HMAC-SHA256, see
 * {@link ChainKey}) and checked against the last checkpoint of its head ({@link AuditCheckpoints}). Appends of one
 * case are serialized by a transaction-scoped advisory lock, so concurrent actions (and views, which do not lock the
 * case) never fork the chain.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** The trail key prefix of a department's window delegations, {@code DELEGATIONS-<department>}. */
    public static final String DELEGATIONS = "DELEGATIONS-";

    /** {@code prev_hash} of a case's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Time time;
    private final ChainKeys keys;
    private final ChainKey key;

    @Autowired
    AuditTrail(JdbcClient jdbc, JsonMapper json, Time time, ApprovalProperties properties) {
        this(jdbc, json, time, ChainKeys.of(properties.audit()));
    }

    AuditTrail(JdbcClient jdbc, JsonMapper json, Time time, ChainKeys keys) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.keys = keys;
        this.key = keys.current();
        if (key.isDemo()) {
            log.warn("The audit chain is keyed with the published demo key: local use only, set"
                    + " runonce.approval.audit.key in production");
        }
        log.info(
                "audit chain: new entries chained with key {}, entries of {} verify",
                key.id(),
                keys.byId().keySet());
    }

    /** The key new entries are chained with. */
    ChainKey key() {
        return key;
    }

    /** Every key the service verifies entries with. */
    ChainKeys keys() {
        return keys;
    }

    /**
     * Appends an entry in the caller's transaction (so it commits or rolls back with the state change it records).
     *
     * @param payload serialized to JSON; null for none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(String caseNumber, String actor, String action, String reason, Object payload) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('audit:' || ?, 0))")
                .param(caseNumber)
                .query((rs, n) -> 1)
                .list();
        var last = jdbc.sql("select seq, hash from audit_entry where case_number = ? order by seq desc limit 1")
                .param(caseNumber)
                .query((rs, n) -> Map.entry(rs.getInt("seq"), rs.getString("hash")))
                .optional();
        int seq = last.map(Map.Entry::getKey).orElse(0) + 1;
        String prevHash = last.map(Map.Entry::getValue).orElse(GENESIS);
        Instant at = time.now();
        String text = payload == null ? "{}" : json.writeValueAsString(payload);
        String hash = hash(new AuditEntry(caseNumber, seq, actor, action, reason, at, text, prevHash, null), key);
        jdbc.sql("""
                        insert into audit_entry (case_number, seq, actor, action, reason, at, payload, prev_hash, hash,
                            key_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, seq, actor, action, reason, Jdbc.timestamp(at), text, prevHash, hash, key.id())
                .update();
        return new AuditEntry(caseNumber, seq, actor, action, reason, at, text, prevHash, hash);
    }

    /** The case's trail in order. */
    public List<AuditEntry> entries(String caseNumber) {
        return keyedEntries(caseNumber, 0).stream().map(Keyed::entry).toList();
    }

    /**
     * Recomputes every hash of the case's trail with the chain key, and holds its head against the last checkpoint
     * approval recorded ({@code audit_checkpoint}): reports the first entry that was changed, removed or forged, or the
     * tail that is missing.
     */
    public ChainVerification verify(String caseNumber) {
        return verify(caseNumber, null);
    }

    /**
     * As {@link #verify(String)}, held against {@code checkpoint} as well: one a department system or auditor kept
     * from the {@code audit.checkpoint} events (outside this database, so deleting approval's own copy does not help).
     *
     * @param checkpoint a checkpoint of this trail, or null
     */
    public ChainVerification verify(String caseNumber, Checkpoint checkpoint) {
        return verify(caseNumber, checkpoint, null);
    }

    /**
     * As {@link #verify(String, Checkpoint)}, held against {@code verified} too: a position the scheduled verification
     * recorded ({@link AuditWatch}).
     */
    ChainVerification verify(String caseNumber, Checkpoint checkpoint, Checkpoint verified) {
        var keyed = keyedEntries(caseNumber, 0);
        var entries = keyed.stream().map(Keyed::entry).toList();
        var result =
                verify(caseNumber, entries, keyed.stream().map(Keyed::keyId).toList(), keys, 0, GENESIS);
        if (!result.intact()) {
            return result;
        }
        for (var anchor :
                new Checkpoint[] {checkpoint, lastCheckpoint(caseNumber).orElse(null), verified}) {
            if (anchor != null) {
                var held = against(caseNumber, entries, anchor);
                if (!held.intact()) {
                    return held;
                }
            }
        }
        return result;
    }

    /** The last checkpoint approval recorded of the trail (its copy of what was published). */
    Optional<Checkpoint> lastCheckpoint(String trail) {
        return jdbc.sql("""
                        select entries, head_hash from audit_checkpoint where trail = ?
                        order by entries desc limit 1""")
                .param(trail)
                .query((rs, n) -> new Checkpoint(rs.getInt("entries"), rs.getString("head_hash")))
                .optional();
    }

    /** An entry with the id of the key it names. */
    record Keyed(AuditEntry entry, String keyId) {}

    /** The trail's entries after {@code afterSeq}, in order, with their key ids. */
    List<Keyed> keyedEntries(String caseNumber, int afterSeq) {
        return jdbc.sql("""
                        select case_number, seq, actor, action, reason, at, payload, prev_hash, hash, key_id
                        from audit_entry where case_number = ? and seq > ? order by seq""")
                .params(caseNumber, afterSeq)
                .query((rs, n) -> new Keyed(
                        new AuditEntry(
                                rs.getString("case_number"),
                                rs.getInt("seq"),
                                rs.getString("actor"),
                                rs.getString("action"),
                                rs.getString("reason"),
                                Jdbc.instant(rs, "at"),
                                rs.getString("payload"),
                                rs.getString("prev_hash"),
                                rs.getString("hash")),
                        rs.getString("key_id")))
                .list();
    }

    /**
     * A trail's head as a checkpoint recorded it.
     *
     * @param entries how many entries the trail had
     * @param headHash the hash of entry {@code entries}
     */
    public record Checkpoint(int entries, String headHash) {}

    /** The trail held against a checkpoint: it must still have the checkpoint's head, with the same hash. */
    static ChainVerification against(String caseNumber, List<AuditEntry> entries, Checkpoint checkpoint) {
        if (entries.size() < checkpoint.entries()) {
            return broken(caseNumber, entries, entries.size() + 1, "TRUNCATED");
        }
        if (!entries.get(checkpoint.entries() - 1).hash().equals(checkpoint.headHash())) {
            return broken(caseNumber, entries, checkpoint.entries(), "CHECKPOINT_MISMATCH");
        }
        return new ChainVerification(
                caseNumber, entries.size(), true, null, null, entries.getLast().hash());
    }

    /** Every entry of a trail, from its first, against {@code keys}. */
    static ChainVerification verify(String caseNumber, List<AuditEntry> entries, List<String> keyIds, ChainKeys keys) {
        return verify(caseNumber, entries, keyIds, keys, 0, GENESIS);
    }

    /**
     * The entries of a trail that follow entry {@code afterSeq} (whose hash is {@code afterHash}; 0 and
     * {@link #GENESIS}: from the first), each against the key it names: {@code UNKNOWN_KEY} when the service does not
     * know it.
     */
    static ChainVerification verify(
            String caseNumber,
            List<AuditEntry> entries,
            List<String> keyIds,
            ChainKeys keys,
            int afterSeq,
            String afterHash) {
        String previous = afterHash;
        int expectedSeq = afterSeq + 1;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            if (e.seq() != expectedSeq) {
                return broken(caseNumber, entries, expectedSeq, "MISSING_ENTRY");
            }
            if (!e.prevHash().equals(previous)) {
                return broken(caseNumber, entries, e.seq(), "BROKEN_LINK");
            }
            var key = keys.find(keyIds.get(i));
            if (key.isEmpty()) {
                return broken(caseNumber, entries, e.seq(), "UNKNOWN_KEY");
            }
            String recomputed = hash(e, key.get());
            if (!recomputed.equals(e.hash())) {
                return broken(caseNumber, entries, e.seq(), "HASH_MISMATCH");
            }
            previous = e.hash();
            expectedSeq++;
        }
        return new ChainVerification(
                caseNumber, afterSeq + entries.size(), true, null, null, expectedSeq == 1 ? null : previous);
    }

    private static ChainVerification broken(String caseNumber, List<AuditEntry> entries, int seq, String problem) {
        return new ChainVerification(caseNumber, entries.size(), false, seq, problem, null);
    }

    /**
     * HMAC-SHA256 (hex, keyed with the chain key) over the canonical content: every field length-prefixed (so no two
     * different entries share a byte string), the time as an ISO instant to the microsecond, then the previous hash.
     */
    static String hash(AuditEntry entry, ChainKey key) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {
            entry.caseNumber(),
            Integer.toString(entry.seq()),
            entry.actor(),
            entry.action(),
            entry.reason() == null ? "\u0000" : entry.reason(),
            DateTimeFormatter.ISO_INSTANT.format(entry.at().truncatedTo(ChronoUnit.MICROS)),
            entry.payload(),
            entry.prevHash()
        }) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        return key.mac(canonical.toString());
    }
}
