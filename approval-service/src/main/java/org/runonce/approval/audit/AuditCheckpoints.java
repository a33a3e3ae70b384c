package org.runonce.approval.audit;

import java.util.ArrayList;
import java.util.List;
import org.runonce.approval.ApprovalProperties;
import org.runonce.contracts.approval.AuditCheckpoint;
import org.runonce.starter.domain.Time;
import org.runonce.starter.events.Events;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the heads of the audit trails outside the database: for every trail that grew since its last checkpoint,
 * an {@code audit.checkpoint} event on approval's topic (through the outbox, so the checkpoint row and the event
 * commit together) that the department systems receive and keep. {@link AuditTrail#verify} holds a trail against the
 * last checkpoint, so deleting its tail or re-chaining it from an edited entry is found even by someone who holds the
 * chain key.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final Events events;
    private final Time time;
    private final TransactionTemplate transactions;
    private final ApprovalProperties properties;

    AuditCheckpoints(
            JdbcClient jdbc,
            Events events,
            Time time,
            TransactionTemplate transactions,
            ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.time = time;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${runonce.approval.audit.checkpoint-interval:1m}",
            initialDelayString = "${runonce.approval.audit.checkpoint-interval:1m}")
    void scheduled() {
        if (properties.audit().checkpoints()) {
            checkpoint();
        }
    }

    /**
     * One round, in one transaction: a checkpoint for every trail whose head moved since its last one; returns them.
     * It reads only the entries written since the last round (the watermark in {@code audit_checkpoint_round}, see
     * V5), and one instance runs it at a time: the round claims the watermark's row with SKIP LOCKED, and an instance
     * that finds it claimed returns nothing (the other publishes).
     */
    public List<AuditCheckpoint> checkpoint() {
        try {
            var taken = transactions.execute(tx -> round());
            return taken == null ? List.of() : taken;
        } catch (RuntimeException e) {
            log.warn("audit checkpoint round failed, the next round retries: {}", e.toString());
            return List.of();
        }
    }

    /** A trail's head that moved past its last checkpoint, with the department it belongs to. */
    private record Head(AuditCheckpoint checkpoint, String department) {}

    private List<AuditCheckpoint> round() {
        var claimed = jdbc.sql(
                        "select seen_before::text from audit_checkpoint_round where id = 1 for update skip locked")
                .query(String.class)
                .optional();
        if (claimed.isEmpty()) {
            log.debug("audit checkpoint round running in another instance");
            return List.of();
        }
        // one statement, one snapshot: the trails written by transactions since the watermark, their heads, and the
        // oldest transaction still running (everything older was visible here; younger ones are read again next round)
        var now = time.now();
        String[] seenBefore = {claimed.get()};
        List<Head> heads = new ArrayList<>();
        jdbc.sql("""
                        with touched as (
                            select distinct case_number from audit_entry where tx >= cast(:since as xid8)),
                        heads as (
                            select distinct on (e.case_number) e.case_number, e.seq, e.hash, e.key_id
                            from audit_entry e join touched t on t.case_number = e.case_number
                            order by e.case_number, e.seq desc)
                        select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, h.case_number, h.seq,
                            h.hash, h.key_id, c.department_code
                        from (select 1) one
                        left join heads h on h.seq > coalesce(
                            (select max(k.entries) from audit_checkpoint k where k.trail = h.case_number), 0)
                        left join approval_case c on c.number = h.case_number""").param("since", claimed.get()).query(rs -> {
            seenBefore[0] = rs.getString("horizon");
            String trail = rs.getString("case_number");
            if (trail != null) {
                heads.add(new Head(
                        new AuditCheckpoint(trail, rs.getInt("seq"), rs.getString("hash"), rs.getString("key_id"), now),
                        trail.startsWith(AuditTrail.DELEGATIONS)
                                ? trail.substring(AuditTrail.DELEGATIONS.length())
                                : rs.getString("department_code")));
            }
        });
        List<AuditCheckpoint> taken = new ArrayList<>();
        for (var head : heads) {
            var c = head.checkpoint();
            int inserted = jdbc.sql("""
                            insert into audit_checkpoint (trail, entries, head_hash, key_id, at) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(c.trail(), c.entries(), c.headHash(), c.keyId(), Jdbc.timestamp(c.at()))
                    .update();
            if (inserted > 0) {
                events.publish(AuditCheckpoint.TYPE, c.trail(), head.department(), c);
                taken.add(c);
            }
        }
        jdbc.sql("update audit_checkpoint_round set seen_before = cast(? as xid8), at = ? where id = 1")
                .params(seenBefore[0], Jdbc.timestamp(now))
                .update();
        return taken;
    }
}
