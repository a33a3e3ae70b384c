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
     * One round: a checkpoint for every trail whose head moved since its last one; returns them. Several instances
     * may run it at once: a trail's checkpoint is taken under the trail's append lock and inserted once.
     */
    public List<AuditCheckpoint> checkpoint() {
        List<AuditCheckpoint> taken = new ArrayList<>();
        for (String name : grown()) {
            try {
                var checkpoint = transactions.execute(tx -> checkpoint(name));
                if (checkpoint != null) {
                    taken.add(checkpoint);
                }
            } catch (RuntimeException e) {
                log.warn("checkpoint of audit trail {} failed, next round retries: {}", name, e.toString());
            }
        }
        return taken;
    }

    private List<String> grown() {
        return jdbc.sql("""
                        select a.case_number from audit_entry a
                        group by a.case_number
                        having max(a.seq) > coalesce(
                            (select max(c.entries) from audit_checkpoint c where c.trail = a.case_number), 0)""").query(String.class).list();
    }

    private AuditCheckpoint checkpoint(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('audit:' || ?, 0))")
                .param(name)
                .query((rs, n) -> 1)
                .list();
        var head = jdbc.sql("""
                        select seq, hash, key_id from audit_entry where case_number = ? order by seq desc limit 1""")
                .param(name)
                .query((rs, n) -> new AuditCheckpoint(
                        name, rs.getInt("seq"), rs.getString("hash"), rs.getString("key_id"), time.now()))
                .single();
        int inserted = jdbc.sql("""
                        insert into audit_checkpoint (trail, entries, head_hash, key_id, at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(head.trail(), head.entries(), head.headHash(), head.keyId(), Jdbc.timestamp(head.at()))
                .update();
        if (inserted == 0) {
            return null;
        }
        events.publish(AuditCheckpoint.TYPE, name, departmentOf(name), head);
        return head;
    }

    /** The department whose trail it is: a case's, or the one of {@code DELEGATIONS-<department>}. */
    private String departmentOf(String name) {
        if (name.startsWith(AuditTrail.DELEGATIONS)) {
            return name.substring(AuditTrail.DELEGATIONS.length());
        }
        // read from the case's row: the audit trail does not depend on the cases feature
        return jdbc.sql("select department_code from approval_case where number = ?")
                .param(name)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
