package org.runonce.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code submission-cost} (issue 14): what one accepted submission costs the whole platform, the figures to drive
 * down. Submissions arrive through the gateway at a fixed rate (open loop, {@link Paced}); each round ends when the
 * platform has finished with them (approval opened every case, notification sent every notice, every outbox is
 * empty), and then reports per accepted submission the CPU milliseconds of each process ({@link ProcessCpu}) and
 * the statements sent to each database ({@link Statements}), beside the rate and latencies: all included, and with
 * the idle platform's share taken off (measured for one round's length before the rounds: schedulers, pollers,
 * heartbeats and garbage collection cost the same whether submissions come or not). Options:
 * {@code --rate} (submissions per second, default 20), {@code --rounds}, {@code --seconds}, {@code --warmup}
 * (default 120 s: seven JVMs on two cores settle slowly).
 */
final class SubmissionCost {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofMinutes(5);

    private static final List<String> RAW_PROCESSES = List.of("postgresql", "kafka", ProcessCpu.LOAD_GENERATOR);

    private final Benchmarks benchmarks;

    SubmissionCost(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    void run() throws Exception {
        int rate = benchmarks.option("rate", 20);
        int rounds = benchmarks.option("rounds", 3);
        Duration seconds = Duration.ofSeconds(benchmarks.option("seconds", 30));
        Duration warmUp = Duration.ofSeconds(benchmarks.option("warmup", 120));

        try (LocalPlatform platform = Benchmarks.platform().start()) {
            Api api = new Api(platform);
            Api.Applicants applicants = api.demoApplicants();
            api.awaitCatalog(applicants.first());
            Statements statements = new Statements(platform.postgres());
            Queue<String> accepted = new ConcurrentLinkedQueue<>();
            Paced.Task submit = scheduled -> {
                Api.Submitted submitted = api.submit(applicants.next());
                if (!submitted.accepted()) {
                    return -1;
                }
                accepted.add(submitted.number());
                return System.nanoTime() - scheduled;
            };

            System.out.printf("Warming up for %d s at %d/s...%n", warmUp.toSeconds(), rate);
            Paced.run(rate, Duration.ZERO, warmUp, GRACE, submit);
            List<String> warmedUp = drain(accepted);
            awaitDrained(platform, warmedUp);

            // what the platform spends with nothing to do (schedulers, pollers, heartbeats, GC), per second
            System.out.printf("Measuring the idle platform for %d s...%n", seconds.toSeconds());
            Map<String, Double> idleCpu = ProcessCpu.sample(platform.postgres().port());
            Map<String, Long> idleSql = statements.sample();
            Thread.sleep(seconds);
            Map<String, Double> idleCpuPerSecond = ProcessCpu.per(
                    idleCpu, ProcessCpu.sample(platform.postgres().port()), seconds.toSeconds());
            Map<String, Double> idleSqlPerSecond = Statements.per(idleSql, statements.sample(), seconds.toSeconds());

            List<Load.Result> results = new ArrayList<>();
            List<Map<String, Double>> cpu = new ArrayList<>();
            List<Map<String, Double>> cpuMarginal = new ArrayList<>();
            List<Map<String, Double>> sql = new ArrayList<>();
            List<Map<String, Double>> sqlMarginal = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                Map<String, Double> cpuBefore =
                        ProcessCpu.sample(platform.postgres().port());
                Map<String, Long> sqlBefore = statements.sample();
                Load.Result result = Paced.run(rate, Duration.ZERO, seconds, GRACE, submit);
                List<String> numbers = drain(accepted);
                long drainedIn = awaitDrained(platform, numbers);
                Map<String, Double> cpuPer = ProcessCpu.per(
                        cpuBefore, ProcessCpu.sample(platform.postgres().port()), numbers.size());
                Map<String, Double> sqlPer = Statements.per(sqlBefore, statements.sample(), numbers.size());
                double idleSecondsPerSubmission = (System.nanoTime() - t0) / 1e9 / numbers.size();
                results.add(result);
                cpu.add(cpuPer);
                cpuMarginal.add(minusIdle(cpuPer, idleCpuPerSecond, idleSecondsPerSubmission));
                sql.add(sqlPer);
                sqlMarginal.add(minusIdle(sqlPer, idleSqlPerSecond, idleSecondsPerSubmission));
                System.out.printf(
                        "round %d: %s; %d accepted, drained %d ms after the last arrival%n  CPU ms per submission: %s%n"
                                + "  statements per submission: %s%n",
                        round, result, numbers.size(), drainedIn, format(cpuPer), format(sqlPer));
            }

            // the raw reference in the same run, at the same rate: intake's rows in one transaction + a Kafka produce
            List<Load.Result> rawResults = new ArrayList<>();
            List<Map<String, Double>> rawCpu = new ArrayList<>();
            try (RawSubmissions raw = new RawSubmissions(platform).prepare(warmedUp.getFirst())) {
                System.out.printf("Raw reference: warming up for %d s at %d/s...%n", seconds.toSeconds(), rate);
                Paced.run(rate, Duration.ZERO, seconds, GRACE, raw::submit);
                for (int round = 1; round <= rounds; round++) {
                    Map<String, Double> cpuBefore =
                            ProcessCpu.sample(platform.postgres().port());
                    Load.Result result = Paced.run(rate, Duration.ZERO, seconds, GRACE, raw::submit);
                    Map<String, Double> cpuPer = ProcessCpu.per(
                            cpuBefore,
                            ProcessCpu.sample(platform.postgres().port()),
                            result.requests() - result.failures());
                    rawResults.add(result);
                    rawCpu.add(minusIdle(
                            cpuPer,
                            idleCpuPerSecond,
                            seconds.toSeconds() / (double) Math.max(1, result.requests() - result.failures())));
                    System.out.printf("raw round %d: %s%n  CPU ms per submission: %s%n", round, result, format(cpuPer));
                }
            }
            // the raw reference first: the report gives every figure's rate as a ratio of the first
            Map<String, List<Load.Result>> figures = new LinkedHashMap<>();
            figures.put(
                    "raw reference: intake's rows in one transaction + Kafka produce acks=all, paced %d/s"
                            .formatted(rate),
                    rawResults);
            figures.put("POST application through the gateway, paced %d/s (201 ACCEPTED)".formatted(rate), results);
            benchmarks.report(
                    "open loop at %d/s, median of %d rounds of %d s after %d s warm-up, each round drained"
                            .formatted(rate, rounds, seconds.toSeconds(), warmUp.toSeconds()),
                    figures);
            System.out.println("Idle platform, CPU ms per second: " + format(idleCpuPerSecond));
            System.out.println("Idle platform, statements per second: " + format(idleSqlPerSecond));
            System.out.println("CPU ms per accepted submission (median of rounds), by process, all included:");
            printMedians(cpu, true);
            System.out.println("CPU ms per accepted submission, the idle platform's share over the round taken off:");
            printMedians(cpuMarginal, true);
            System.out.println("Raw reference, CPU ms per submission, the idle platform's share taken off:");
            printMedians(rawCpu, true);
            // the reference runs in PostgreSQL, Kafka and this JVM (its JDBC and producer work); the services idle
            double raw = total(rawCpu, RAW_PROCESSES);
            System.out.printf(
                    "Raw reference: %.2f CPU ms per submission (PostgreSQL + Kafka + the harness JVM doing the client"
                            + " work); platform / raw reference: %.1f x%n",
                    raw, total(cpuMarginal, null) / raw);
            System.out.println("PostgreSQL statements per accepted submission (median of rounds), by database:");
            printMedians(sql, statements.available());
            System.out.println("PostgreSQL statements per accepted submission, the idle platform's taken off:");
            printMedians(sqlMarginal, statements.available());
        }
    }

    /** {@code perSubmission - idlePerSecond * idleSeconds}, per key. */
    private static Map<String, Double> minusIdle(
            Map<String, Double> perSubmission, Map<String, Double> idlePerSecond, double idleSeconds) {
        Map<String, Double> marginal = new TreeMap<>();
        perSubmission.forEach(
                (key, value) -> marginal.put(key, value - idlePerSecond.getOrDefault(key, 0.0) * idleSeconds));
        return marginal;
    }

    /** Takes every number accepted so far. */
    private static List<String> drain(Queue<String> accepted) {
        List<String> numbers = new ArrayList<>();
        for (String number; (number = accepted.poll()) != null; ) {
            numbers.add(number);
        }
        return numbers;
    }

    /**
     * Waits until approval has opened a case for every one of {@code numbers}, notification has no notice left to
     * send, and no service has a publication left in its outbox; returns how long that took.
     */
    private static long awaitDrained(LocalPlatform platform, List<String> numbers) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + DRAIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(
                                    platform,
                                    "approval",
                                    "select count(distinct application_number) from approval_case"
                                            + " where application_number = any(?)",
                                    numbers)
                            == numbers.size()
                    && count(platform, "notification", "select count(*) from notice where state = 'PENDING'", null) == 0
                    && outboxesEmpty(platform)) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The platform did not finish its backlog within " + DRAIN);
    }

    private static boolean outboxesEmpty(LocalPlatform platform) throws SQLException {
        for (String database : List.of("catalog", "intake", "approval", "notification")) {
            if (count(platform, database, "select count(*) from event_publication where completion_date is null", null)
                    > 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(LocalPlatform platform, String database, String sql, List<String> numbers)
            throws SQLException {
        try (Connection db = platform.postgres().connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            if (numbers != null) {
                query.setArray(1, db.createArrayOf("text", numbers.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void printMedians(List<Map<String, Double>> rounds, boolean available) {
        if (!available || rounds.isEmpty()) {
            System.out.println("  (not measured here)");
            return;
        }
        Map<String, List<Double>> byKey = new TreeMap<>();
        rounds.forEach(round -> round.forEach((key, value) ->
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value)));
        double total = 0;
        for (var entry : byKey.entrySet()) {
            double median = median(entry.getValue());
            total += ProcessCpu.LOAD_GENERATOR.equals(entry.getKey()) ? 0 : median;
            System.out.printf("  %-24s %8.2f   rounds %s%n", entry.getKey(), median, format(entry.getValue()));
        }
        System.out.printf("  %-24s %8.2f   (all but the load generator)%n", "platform", total);
    }

    /**
     * The median over rounds of each process's figure, summed over {@code processes}, or over all but the load
     * generator when null.
     */
    private static double total(List<Map<String, Double>> rounds, List<String> processes) {
        Map<String, List<Double>> byKey = new TreeMap<>();
        rounds.forEach(round -> round.forEach((key, value) ->
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value)));
        return byKey.entrySet().stream()
                .filter(entry -> processes == null
                        ? !ProcessCpu.LOAD_GENERATOR.equals(entry.getKey())
                        : processes.contains(entry.getKey()))
                .mapToDouble(entry -> median(entry.getValue()))
                .sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(Map<String, Double> values) {
        StringBuilder line = new StringBuilder();
        values.forEach((key, value) -> line.append(key)
                .append(' ')
                .append(String.format("%.2f", value))
                .append("  "));
        return line.toString().strip();
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }
}
