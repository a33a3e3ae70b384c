package org.runonce.approval.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and verifies the per-case, hash-chained audit trail. Appends of one case are serialized by a
 * transaction-scoped advisory lock, so concurrent actions (and views, which do not lock the case) never fork the
 * chain.
 */
@Service
public class AuditTrail {

    /** {@code prev_hash} of a case's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Time time;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Time time) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
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
        String hash = hash(new AuditEntry(caseNumber, seq, actor, action, reason, at, text, prevHash, null));
        jdbc.sql("""
                        insert into audit_entry (case_number, seq, actor, action, reason, at, payload, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, seq, actor, action, reason, Jdbc.timestamp(at), text, prevHash, hash)
                .update();
        return new AuditEntry(caseNumber, seq, actor, action, reason, at, text, prevHash, hash);
    }

    /** The case's trail in order. */
    public List<AuditEntry> entries(String caseNumber) {
        return jdbc.sql("""
                        select case_number, seq, actor, action, reason, at, payload, prev_hash, hash
                        from audit_entry where case_number = ? order by seq""")
                .param(caseNumber)
                .query((rs, n) -> new AuditEntry(
                        rs.getString("case_number"),
                        rs.getInt("seq"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("reason"),
                        Jdbc.instant(rs, "at"),
                        rs.getString("payload"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    /** Recomputes every hash of the case's trail and reports the first entry that was changed, removed or forged. */
    public ChainVerification verify(String caseNumber) {
        return verify(caseNumber, entries(caseNumber));
    }

    static ChainVerification verify(String caseNumber, List<AuditEntry> entries) {
        String previous = GENESIS;
        int expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(caseNumber, entries, expectedSeq, "MISSING_ENTRY");
            }
            if (!e.prevHash().equals(previous)) {
                return broken(caseNumber, entries, e.seq(), "BROKEN_LINK");
            }
            String recomputed = hash(e);
            if (!recomputed.equals(e.hash())) {
                return broken(caseNumber, entries, e.seq(), "HASH_MISMATCH");
            }
            previous = e.hash();
            expectedSeq++;
        }
        return new ChainVerification(caseNumber, entries.size(), true, null, null, entries.isEmpty() ? null : previous);
    }

    private static ChainVerification broken(String caseNumber, List<AuditEntry> entries, int seq, String problem) {
        return new ChainVerification(caseNumber, entries.size(), false, seq, problem, null);
    }

    /**
     * SHA-256 (hex) over the canonical content: every field length-prefixed (so no two different entries share a
     * byte string), the time as an ISO instant to the microsecond, then the previous hash.
     */
    static String hash(AuditEntry entry) {
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
