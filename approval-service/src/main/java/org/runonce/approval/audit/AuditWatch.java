package org.runonce.approval.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.runonce.approval.ApprovalProperties;
import org.runonce.approval.audit.AuditTrail.Checkpoint;
import org.runonce.approval.audit.AuditTrail.Keyed;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies every audit trail (each case's and each department's delegations) on a schedule, against the chain keys,
 * the last checkpoint published of it and the position it verified up to before. A round reads only what it needs:
 * the trails that gained entries since the last round (the watermark of {@code audit_verification_round}, as the
 * checkpoint rounds, V5), each from its last verified position on, after checking that the entry there still has the
 * hash it had; and, in turn, {@code verification-sweep} whole trails from their first entry (an entry edited in place,
 * or a tail cut off a trail that no longer grows, writes nothing a watermark sees). One instance runs a round at a
 * time (the round's row claimed with SKIP LOCKED).
 *
 * <p>A broken trail is recorded once per problem and entry ({@code audit_verification_failure}), logged as an error
 * and counted ({@code runonce.approval.audit.verification.failures}, tagged with the problem); its verified position
 * stays where it was, so later rounds keep holding it there.
 */
@Component
public class AuditWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditWatch.class);

    static final String FAILURES = "runonce.approval.audit.verification.failures";
    static final String VERIFIED = "runonce.approval.audit.verification.entries";

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Time time;
    private final TransactionTemplate transactions;
    private final ApprovalProperties properties;
    private final MeterRegistry meters;
    private final Counter verifiedEntries;

    AuditWatch(
            JdbcClient jdbc,
            AuditTrail trail,
            Time time,
            TransactionTemplate transactions,
            ApprovalProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.time = time;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        this.verifiedEntries = Counter.builder(VERIFIED)
                .description("audit entries the scheduled verification checked")
                .register(meters);
        // present (at 0) before anything is found, so an alert can compare against it
        failures("HASH_MISMATCH");
    }

    @Scheduled(
            fixedDelayString = "${runonce.approval.audit.verification-interval:5m}",
            initialDelayString = "${runonce.approval.audit.verification-interval:5m}")
    void scheduled() {
        if (properties.audit().verification()) {
            round();
        }
    }

    /**
     * What one round found.
     *
     * @param ran false when another instance held the round
     * @param verified trails verified (grown, or swept)
     * @param broken the trails found broken this round (found before or not)
     * @param sweepCompleted whether the sweep reached the last trail (the next round starts it again from the first)
     */
    public record Round(boolean ran, int verified, List<ChainVerification> broken, boolean sweepCompleted) {}

    /** One round, in one transaction; a failing round is logged and retried by the next. */
    public Round round() {
        return round(properties.audit().verificationSweep());
    }

    /** One round that sweeps {@code sweep} whole trails. */
    Round round(int sweep) {
        try {
            var done = transactions.execute(tx -> claimedRound(sweep));
            return done == null ? new Round(false, 0, List.of(), false) : done;
        } catch (RuntimeException e) {
            log.warn("audit verification round failed, the next round retries: {}", e.toString());
            return new Round(false, 0, List.of(), false);
        }
    }

    private Round claimedRound(int sweep) {
        var claimed = jdbc.sql("""
                        select seen_before::text, swept_after from audit_verification_round where id = 1
                        for update skip locked""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (claimed.isEmpty()) {
            log.debug("audit verification round running in another instance");
            return new Round(false, 0, List.of(), false);
        }
        var now = time.now();
        // one statement, one snapshot: the trails written since the watermark and the oldest transaction still
        // running (entries of older ones were all visible here; younger ones are read again next round)
        String[] horizon = {claimed.get()[0]};
        Set<String> grown = new LinkedHashSet<>();
        jdbc.sql("""
                        select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, t.case_number
                        from (select 1) one
                        left join (select distinct case_number from audit_entry where tx >= cast(:since as xid8)) t
                            on true""").param("since", claimed.get()[0]).query(rs -> {
            horizon[0] = rs.getString("horizon");
            if (rs.getString("case_number") != null) {
                grown.add(rs.getString("case_number"));
            }
        });
        String after = claimed.get()[1];
        var swept = jdbc.sql("""
                        select distinct case_number from audit_entry where case_number > coalesce(?, '')
                        order by case_number limit ?""").params(after, sweep).query(String.class).list();
        boolean completed = swept.size() < sweep;

        List<ChainVerification> broken = new ArrayList<>();
        for (String t : grown) {
            if (!swept.contains(t)) {
                check(t, false, now).ifPresent(broken::add);
            }
        }
        for (String t : swept) {
            check(t, true, now).ifPresent(broken::add);
        }
        jdbc.sql("""
                        update audit_verification_round set seen_before = cast(? as xid8), swept_after = ?, at = ?
                        where id = 1""")
                .params(horizon[0], completed ? null : swept.getLast(), Jdbc.timestamp(now))
                .update();
        return new Round(true, grown.size() + swept.size(), broken, completed);
    }

    /**
     * Verifies one trail: whole ({@code sweep}), or from its last verified position on. Advances the position when it
     * holds; returns the problem when not.
     */
    private Optional<ChainVerification> check(String t, boolean sweep, Instant now) {
        var verified = jdbc.sql("select entries, head_hash from audit_verified where trail = ?")
                .param(t)
                .query((rs, n) -> new Checkpoint(rs.getInt("entries"), rs.getString("head_hash")))
                .optional();
        ChainVerification result = sweep ? whole(t, verified) : grown(t, verified);
        if (!result.intact() && !sweep) {
            // where exactly: the first broken entry of the whole trail
            var whole = whole(t, verified);
            if (!whole.intact()) {
                result = whole;
            }
        }
        if (!result.intact()) {
            found(result, now);
            return Optional.of(result);
        }
        if (result.entries() > 0) {
            jdbc.sql("""
                            insert into audit_verified (trail, entries, head_hash, verified_at, swept_at)
                            values (:trail, :entries, :head, :now, :swept)
                            on conflict (trail) do update set entries = excluded.entries,
                                head_hash = excluded.head_hash, verified_at = excluded.verified_at,
                                swept_at = coalesce(excluded.swept_at, audit_verified.swept_at)""")
                    .param("trail", t)
                    .param("entries", result.entries())
                    .param("head", result.lastHash())
                    .param("now", Jdbc.timestamp(now))
                    .param("swept", sweep ? Jdbc.timestamp(now) : null)
                    .update();
        }
        return Optional.empty();
    }

    /** Every entry of the trail, held against its last checkpoint and its verified position. */
    private ChainVerification whole(String t, Optional<Checkpoint> verified) {
        var result = trail.verify(t, null, verified.orElse(null));
        verifiedEntries.increment(result.entries());
        return result;
    }

    /**
     * The entries after the verified position, chained from it; the entry at the position must still have its hash,
     * and the trail must still reach its last checkpoint with the checkpoint's hash.
     */
    private ChainVerification grown(String t, Optional<Checkpoint> verified) {
        int from = verified.map(Checkpoint::entries).orElse(0);
        String fromHash = verified.map(Checkpoint::headHash).orElse(AuditTrail.GENESIS);
        if (from > 0) {
            var there = jdbc.sql("select hash from audit_entry where case_number = ? and seq = ?")
                    .params(t, from)
                    .query(String.class)
                    .optional();
            if (there.isEmpty()) {
                return new ChainVerification(t, from, false, from, "TRUNCATED", null);
            }
            if (!there.get().equals(fromHash)) {
                return new ChainVerification(t, from, false, from, "CHECKPOINT_MISMATCH", null);
            }
        }
        List<Keyed> added = trail.keyedEntries(t, from);
        var result = AuditTrail.verify(
                t,
                added.stream().map(Keyed::entry).toList(),
                added.stream().map(Keyed::keyId).toList(),
                trail.keys(),
                from,
                fromHash);
        verifiedEntries.increment(added.size());
        if (!result.intact()) {
            return result;
        }
        var checkpoint = trail.lastCheckpoint(t);
        if (checkpoint.isPresent()) {
            var c = checkpoint.get();
            if (c.entries() > result.entries()) {
                return new ChainVerification(t, result.entries(), false, result.entries() + 1, "TRUNCATED", null);
            }
            var there = jdbc.sql("select hash from audit_entry where case_number = ? and seq = ?")
                    .params(t, c.entries())
                    .query(String.class)
                    .optional();
            if (there.isEmpty() || !there.get().equals(c.headHash())) {
                return new ChainVerification(t, result.entries(), false, c.entries(), "CHECKPOINT_MISMATCH", null);
            }
        }
        return result;
    }

    /** Records a broken trail once per problem and entry: logged, counted. */
    private void found(ChainVerification broken, Instant now) {
        int recorded = jdbc.sql("""
                        insert into audit_verification_failure (trail, first_broken_seq, problem, entries, found_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        broken.caseNumber(),
                        broken.firstBrokenSeq(),
                        broken.problem(),
                        broken.entries(),
                        Jdbc.timestamp(now))
                .update();
        if (recorded > 0) {
            failures(broken.problem()).increment();
            log.error(
                    "audit trail {} failed verification: {} at entry {} ({} entries): changed outside the service,"
                            + " or chained with a key this instance is not given; compare it with the checkpoints"
                            + " the department systems kept",
                    broken.caseNumber(),
                    broken.problem(),
                    broken.firstBrokenSeq(),
                    broken.entries());
        }
    }

    private Counter failures(String problem) {
        return Counter.builder(FAILURES)
                .description("audit trails found broken by the scheduled verification, once per trail, problem and"
                        + " entry")
                .tag("problem", problem)
                .register(meters);
    }
}
