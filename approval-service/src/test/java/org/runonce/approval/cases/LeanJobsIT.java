package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.audit.AuditCheckpoints;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.approval.AuditCheckpoint;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What approval's scheduled jobs and reference data cost, counted in statements sent to PostgreSQL
 * ({@code pg_stat_statements}, preloaded by the local stack's PostgreSQL; every statement of the approval database
 * while the round runs, so a little background traffic is counted too): a deadline round costs the due cases, not
 * the open ones; a checkpoint round the trails that grew, once across instances; opening a case reads no calendar.
 */
class LeanJobsIT extends RunningApproval {

    @Autowired
    DeadlineWatch deadlines;

    @Autowired
    AuditCheckpoints checkpoints;

    @Test
    void aDeadlineRoundCostsTheDueCasesNotTheOpenOnesAndRaisesEachOnceAcrossInstances() throws Exception {
        clock.setDay("2026-11-02"); // Monday; a food licence promises 5 working days, the warning comes at 4
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String app = Fixtures.newApplicationNumber();
            opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
            opened.add(app + "-01");
        }
        deadlines.check(); // what other tests left due today

        long before = statements();
        var raised = deadlines.check();
        long cost = statements() - before;
        System.out.printf("deadline round with %d open cases not due: %d statements%n", openClocks(), cost);
        assertThat(raised).isEmpty();
        assertThat(cost).as("statements of a round with nothing due").isLessThan(20);

        // four working days later all 300 are due: two instances' rounds together raise each warning once
        clock.setDay("2026-11-06");
        var together = concurrently(deadlines::check);
        List<String> all = new ArrayList<>(together.get(0));
        all.addAll(together.get(1));
        for (String number : opened) {
            assertThat(all).containsOnlyOnce(number + ":WARNING").doesNotContain(number + ":OVERDUE");
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'WARNED' and case_number in (:n)")
                        .param("n", opened)
                        .query(Long.class)
                        .single())
                .isEqualTo(300);

        before = statements();
        assertThat(deadlines.check()).isEmpty();
        cost = statements() - before;
        System.out.printf("deadline round after the warnings, 300 cases warned not overdue: %d statements%n", cost);
        assertThat(cost).isLessThan(20);
    }

    @Test
    void aCheckpointRoundReadsWhatIsNewAndPublishesOnceAcrossInstances() throws Exception {
        checkpoints.checkpoint(); // every trail so far
        long before = statements();
        long blocks = blocksRead();
        assertThat(checkpoints.checkpoint()).isEmpty();
        long cost = statements() - before;
        long read = blocksRead() - blocks;
        long pages = jdbc.sql("select pg_relation_size('audit_entry') / 8192")
                .query(Long.class)
                .single();
        System.out.printf(
                "checkpoint round with no new entry: %d statements, %d blocks read (audit_entry: %d pages)%n",
                cost, read, pages);
        assertThat(cost).isLessThan(15);
        assertThat(read)
                .as("blocks a round reads, the trail being %d pages", pages)
                .isLessThan(pages);

        clock.setDay("2026-11-09");
        List<String> grown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String app = Fixtures.newApplicationNumber();
            opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
            grown.add(app + "-01");
        }
        before = statements();
        var together = concurrently(checkpoints::checkpoint);
        cost = statements() - before;
        System.out.printf("two concurrent checkpoint rounds, 3 trails grown: %d statements%n", cost);
        List<String> trails = new ArrayList<>();
        together.forEach(taken -> taken.stream().map(AuditCheckpoint::trail).forEach(trails::add));
        for (String number : grown) {
            assertThat(trails).containsOnlyOnce(number);
            assertThat(jdbc.sql("select count(*) from audit_checkpoint where trail = ?")
                            .param(number)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(cost).isLessThan(40);
    }

    @Test
    void openingCasesReadsTheCalendarOnceUntilTheCatalogChangesIt() throws Exception {
        clock.setDay("2026-11-10");
        opening.open(Fixtures.single(Fixtures.newApplicationNumber(), Fixtures.FOOD, "SAMR", clock.instant()));
        long before = calendarReads();
        for (int i = 0; i < 10; i++) {
            opening.open(Fixtures.single(Fixtures.newApplicationNumber(), Fixtures.FOOD, "SAMR", clock.instant()));
        }
        long reads = calendarReads() - before;
        System.out.printf("calendar reads while opening 10 cases: %d%n", reads);
        assertThat(reads).isZero();

        // another instance announces a newer revision it is writing: read again until this copy holds it
        var current = Fixtures.calendar2026();
        int revision = jdbc.sql("select max(revision) from catalog_calendar where region = '330000' and year = 2026")
                        .query(Integer.class)
                        .single()
                + 1;
        var newer = new CalendarPublished(
                current.region(),
                current.year(),
                revision,
                current.demo(),
                current.holidays(),
                current.makeUpWorkingDays(),
                current.festivals(),
                current.publishedAt());
        var event = CloudEvent.<Object>of(
                UUID.randomUUID().toString(),
                "/runonce/catalog",
                CalendarPublished.TYPE,
                Fixtures.PUBLISHED,
                "330000",
                newer);
        CloudEvent<JsonNode> tree = event.withData((JsonNode) Fixtures.JSON.valueToTree(newer));
        catalog.announced(tree);
        before = calendarReads();
        catalog.calendar("330000");
        catalog.calendar("330000");
        assertThat(calendarReads() - before).isEqualTo(2);

        catalog.apply(tree); // the copy holds it now: read once more, then kept
        before = calendarReads();
        catalog.calendar("330000");
        catalog.calendar("330000");
        assertThat(calendarReads() - before).isEqualTo(1);
    }

    /** Runs {@code round} in two threads at once, as two instances would. */
    private static <T> List<T> concurrently(Supplier<T> round) throws Exception {
        var barrier = new CyclicBarrier(2);
        Supplier<T> atOnce = () -> {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return round.get();
        };
        var first = CompletableFuture.supplyAsync(atOnce);
        var second = CompletableFuture.supplyAsync(atOnce);
        return List.of(first.get(), second.get());
    }

    private long openClocks() {
        return jdbc.sql("select count(*) from approval_case where stopped_on is null and started_on is not null")
                .query(Long.class)
                .single();
    }

    /**
     * Statements the approval database has run so far on the cases' and the audit trail's tables (the ones the two
     * jobs read and write; the outbox relay's own statements, which run in the background, are not counted).
     */
    private long statements() throws SQLException {
        return stat("sum(calls)", JOB_TABLES);
    }

    private static final String JOB_TABLES =
            "(approval_case|case_dependency|case_material|case_supplement|case_pause|audit_)";

    /** Blocks (shared, hit or read) the statements on those tables have touched so far. */
    private long blocksRead() throws SQLException {
        return stat("sum(shared_blks_hit + shared_blks_read)", JOB_TABLES);
    }

    /** How often the calendar was read from the database. */
    private long calendarReads() throws SQLException {
        return stat("sum(calls)", "from catalog_calendar where region");
    }

    private long stat(String what, String queryLike) throws SQLException {
        String database =
                jdbc.sql("select current_database()").query(String.class).single();
        try (Connection db = LocalInfrastructure.postgres().connect("postgres")) {
            db.createStatement().execute("create extension if not exists pg_stat_statements");
            try (var s = db.prepareStatement("select coalesce(" + what + ", 0)::bigint from pg_stat_statements"
                    + " where dbid = (select oid from pg_database where datname = ?)"
                    + (queryLike == null ? "" : " and query ~ ?"))) {
                s.setString(1, database);
                if (queryLike != null) {
                    s.setString(2, queryLike);
                }
                try (var rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }
}
