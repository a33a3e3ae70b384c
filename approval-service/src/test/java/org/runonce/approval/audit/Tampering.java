package org.runonce.approval.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a database administrator does to a trail: as the tables' owner, switch the guards off, change rows. */
record Tampering(DataSourceProperties owner, JdbcClient jdbc) {

    /** Runs {@code statements} as the owner with the guards of the trail and its checkpoints switched off. */
    void tamper(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.getUrl(), owner.getUsername(), owner.getPassword());
                Statement st = c.createStatement()) {
            st.execute("alter table audit_entry disable trigger audit_entry_append_only");
            st.execute("alter table audit_checkpoint disable trigger audit_checkpoint_append_only");
            try {
                for (String sql : statements) {
                    st.execute(sql);
                }
            } finally {
                st.execute("alter table audit_entry enable trigger audit_entry_append_only");
                st.execute("alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
            }
        }
    }

    /**
     * Edits entry {@code from}'s reason and re-chains the trail from there on with {@code key}, naming {@code keyId}
     * in every entry it re-chains: what an administrator holding some key (not the service's) can do.
     */
    void editAndRechain(String number, int from, ChainKey key, String keyId) throws SQLException {
        var entries = jdbc.sql("""
                        select case_number, seq, actor, action, reason, at, payload, prev_hash, hash
                        from audit_entry where case_number = ? order by seq""")
                .param(number)
                .query((rs, n) -> new AuditEntry(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
        String prev = from == 1 ? AuditTrail.GENESIS : entries.get(from - 2).hash();
        List<String> updates = new ArrayList<>();
        for (var e : entries.subList(from - 1, entries.size())) {
            String reason = e.seq() == from ? "edited afterwards" : e.reason();
            String hash = AuditTrail.hash(
                    new AuditEntry(
                            e.caseNumber(), e.seq(), e.actor(), e.action(), reason, e.at(), e.payload(), prev, null),
                    key);
            updates.add("""
                    update audit_entry set reason = %s, prev_hash = '%s', hash = '%s', key_id = '%s'
                    where case_number = '%s' and seq = %d""".formatted(
                            reason == null ? "null" : "'" + reason.replace("'", "''") + "'",
                            prev,
                            hash,
                            keyId,
                            number,
                            e.seq()));
            prev = hash;
        }
        tamper(updates.toArray(String[]::new));
    }
}
