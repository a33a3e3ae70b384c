package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.Tokens.caller;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.Reviewing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * The scheduled verification of every trail on real PostgreSQL: a trail that keeps growing is verified from where it
 * verified last, and an entry edited and re-chained before is found at the next round; an edit re-chained in a trail
 * that no longer grows and a cut tail are found by the sweep; each failure is recorded and counted once; one instance
 * runs a round at a time; a round with nothing new reads a few blocks, not the trails.
 */
class AuditWatchIT extends RunningApproval {

    /** What the administrator re-chains with: plain SHA-256 is all anyone without the chain key can do better than. */
    static final ChainKey GUESS = ChainKey.of("local-demo", "not the chain key, but thirty-two characters");

    @Autowired
    AuditWatch watch;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    Reviewing reviewing;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSourceProperties owner;

    Tampering tampering;

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22");
        tampering = new Tampering(owner, jdbc);
    }

    /** A case with five entries: opened, claimed, review started, assigned, step advanced. */
    String caseWithHistory() {
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        String number = app + "-01";
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.claim(number, li);
        reviewing.startReview(number, li);
        reviewing.assign(number, "zhou.samr", "workload", caller("head.samr", "SAMR", "department-head"));
        return number;
    }

    double failures(String problem) {
        var counter = meters.find(AuditWatch.FAILURES).tag("problem", problem).counter();
        return counter == null ? 0 : counter.count();
    }

    List<String> recorded(String number) {
        return jdbc.sql("select problem || '@' || first_broken_seq from audit_verification_failure where trail = ?")
                .param(number)
                .query(String.class)
                .list();
    }

    /** Rounds until the sweep went over every trail twice (from wherever its cursor was): what they found. */
    List<ChainVerification> sweepAll() {
        long trails = jdbc.sql("select count(distinct case_number) from audit_entry")
                .query(Long.class)
                .single();
        int sweep = 500;
        List<ChainVerification> found = new ArrayList<>();
        int completed = 0;
        for (long round = 0; completed < 2 && round < 2 * (trails / sweep + 2); round++) {
            var r = watch.round(sweep);
            assertThat(r.ran()).isTrue();
            found.addAll(r.broken());
            completed += r.sweepCompleted() ? 1 : 0;
        }
        assertThat(completed).as("sweeps completed").isEqualTo(2);
        return found;
    }

    @Test
    void aGrowingTrailIsVerifiedOnFromWhereItWasAndAnEditReChainedBeforeIsFoundAtTheNextRound() throws Exception {
        String number = caseWithHistory();
        var first = watch.round(1);
        assertThat(first.ran()).isTrue();
        assertThat(first.broken()).noneMatch(b -> b.caseNumber().equals(number));
        assertThat(jdbc.sql("select entries from audit_verified where trail = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        // the administrator edits the review's start and re-chains from there; then the case goes on
        tampering.editAndRechain(number, 3, GUESS, "local-demo");
        reviewing.advance(number, "审查通过", caller("zhou.samr", "SAMR", "reviewer"));
        double before = failures("HASH_MISMATCH");

        var next = watch.round(1);

        assertThat(next.broken())
                .filteredOn(b -> b.caseNumber().equals(number))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.problem()).isEqualTo("HASH_MISMATCH");
                    assertThat(b.firstBrokenSeq()).isEqualTo(3);
                });
        assertThat(recorded(number)).containsExactly("HASH_MISMATCH@3");
        assertThat(failures("HASH_MISMATCH")).isGreaterThanOrEqualTo(before + 1);
        // the position stays where the trail last verified
        assertThat(jdbc.sql("select entries from audit_verified where trail = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        // found again by later rounds (the sweep), recorded once
        sweepAll();
        assertThat(recorded(number)).containsExactly("HASH_MISMATCH@3");
    }

    @Test
    void anEditReChainedAndACutTailOfTrailsThatNoLongerGrowAreFoundByTheSweep() throws Exception {
        String edited = caseWithHistory();
        String cut = caseWithHistory();
        assertThat(checkpoints.checkpoint())
                .anySatisfy(c -> assertThat(c.trail()).isEqualTo(cut));
        var verified = watch.round(1);
        assertThat(verified.broken())
                .noneMatch(b -> b.caseNumber().equals(edited) || b.caseNumber().equals(cut));

        tampering.editAndRechain(edited, 2, GUESS, "local-demo");
        // the last two entries cut, and approval's copy of the checkpoint with them: the verified position still holds
        tampering.tamper(
                "delete from audit_entry where case_number = '" + cut + "' and seq >= 3",
                "delete from audit_checkpoint where trail = '" + cut + "'");
        double truncated = failures("TRUNCATED");

        var found = sweepAll();

        assertThat(found).filteredOn(b -> b.caseNumber().equals(edited)).first().satisfies(b -> {
            assertThat(b.problem()).isEqualTo("HASH_MISMATCH");
            assertThat(b.firstBrokenSeq()).isEqualTo(2);
        });
        assertThat(found).filteredOn(b -> b.caseNumber().equals(cut)).first().satisfies(b -> {
            assertThat(b.problem()).isEqualTo("TRUNCATED");
            assertThat(b.firstBrokenSeq()).isEqualTo(3);
        });
        assertThat(recorded(edited)).containsExactly("HASH_MISMATCH@2");
        assertThat(recorded(cut)).containsExactly("TRUNCATED@3");
        assertThat(failures("TRUNCATED")).isGreaterThanOrEqualTo(truncated + 1);
    }

    @Test
    void aRoundWithNothingNewReadsOneSweepStepNotTheTrails() throws Exception {
        for (int i = 0; i < 20; i++) {
            caseWithHistory();
        }
        long trails = jdbc.sql("select count(distinct case_number) from audit_entry")
                .query(Long.class)
                .single();
        // for comparison: every trail verified whole
        long blocks = stat("sum(shared_blks_hit + shared_blks_read)");
        watch.round(Integer.MAX_VALUE);
        long whole = stat("sum(shared_blks_hit + shared_blks_read)") - blocks;

        long before = stat("sum(calls)");
        blocks = stat("sum(shared_blks_hit + shared_blks_read)");
        var round = watch.round(1);
        long cost = stat("sum(calls)") - before;
        long read = stat("sum(shared_blks_hit + shared_blks_read)") - blocks;

        System.out.printf(
                "verification round with no new entry, sweep 1: %d statements, %d blocks (all %d trails whole: %d)%n",
                cost, read, trails, whole);
        assertThat(round.ran()).isTrue();
        assertThat(round.verified()).isLessThanOrEqualTo(1);
        assertThat(cost).isLessThan(12);
        assertThat(read)
                .as("blocks, against %d to verify all %d trails", whole, trails)
                .isLessThan(whole / 4);
    }

    /** {@code what} over the statements the approval database ran so far on the audit tables. */
    private long stat(String what) throws java.sql.SQLException {
        String database =
                jdbc.sql("select current_database()").query(String.class).single();
        try (Connection db =
                org.runonce.localstack.LocalInfrastructure.postgres().connect("postgres")) {
            db.createStatement().execute("create extension if not exists pg_stat_statements");
            try (var s = db.prepareStatement("select coalesce(" + what + ", 0)::bigint from pg_stat_statements"
                    + " where dbid = (select oid from pg_database where datname = ?) and query ~ 'audit_'")) {
                s.setString(1, database);
                try (var rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    @Test
    void oneInstanceRunsARound() throws Exception {
        try (Connection c = DriverManager.getConnection(owner.getUrl(), owner.getUsername(), owner.getPassword());
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // another instance's round holds the row
            st.execute("select * from audit_verification_round where id = 1 for update");

            var skipped = watch.round(1);

            assertThat(skipped.ran()).isFalse();
            assertThat(skipped.verified()).isZero();
            c.rollback();
        }
        assertThat(watch.round(1).ran()).isTrue();
    }
}
