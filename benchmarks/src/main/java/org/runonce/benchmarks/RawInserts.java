package org.runonce.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runonce.localstack.Postgres;

/**
 * The raw insert rate of the platform's PostgreSQL: one row per transaction, its jsonb a copy of a real accepted
 * application, into a scratch database {@code bench}. Driven by {@code pgbench} (custom script, prepared statements,
 * per-transaction log for the percentiles); where pgbench is not on the PATH, by an equivalent JDBC loop.
 */
final class RawInserts {

    private static final String INSERT = "insert into bench_application (number, status, submitted_at, state)"
            + " select '330000-2026-' || nextval('bench_number'), 'ACCEPTED', now(), state from bench_template";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Postgres postgres;

    RawInserts(Postgres postgres) {
        this.postgres = postgres;
    }

    /** A warm-up run, then {@code rounds} measured runs of {@code clients} connections inserting copies of the row. */
    List<Load.Result> rounds(int rounds, int clients, Duration warmUp, Duration seconds, String applicationJson)
            throws Exception {
        prepare(applicationJson);
        Path pgbench = pgbench();
        List<Load.Result> results = new ArrayList<>();
        if (pgbench == null) {
            System.out.println("pgbench is not on the PATH: the raw inserts run as a JDBC loop instead");
            results.addAll(Load.rounds(rounds, clients, warmUp, seconds, this::insertOverJdbc));
            for (Connection connection : opened) {
                connection.close();
            }
            return results;
        }
        Path script = Files.writeString(Files.createTempFile("runonce-bench", ".sql"), INSERT + ";\n");
        pgbench(pgbench, script, clients, warmUp);
        for (int i = 0; i < rounds; i++) {
            results.add(pgbench(pgbench, script, clients, seconds));
        }
        return results;
    }

    private void prepare(String applicationJson) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_application, bench_template");
            statement.execute("create sequence if not exists bench_number");
            statement.execute("create table bench_template (state jsonb not null)");
            statement.execute("create table bench_application (number text primary key, status text not null,"
                    + " submitted_at timestamptz not null, state jsonb not null)");
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into bench_template values (?::jsonb)")) {
                insert.setString(1, applicationJson);
                insert.executeUpdate();
            }
        }
    }

    private Load.Result pgbench(Path pgbench, Path script, int clients, Duration seconds) throws Exception {
        Path logs = Files.createTempDirectory("runonce-pgbench");
        ProcessBuilder command = new ProcessBuilder(
                        pgbench.toString(),
                        "-h",
                        postgres.host(),
                        "-p",
                        String.valueOf(postgres.port()),
                        "-U",
                        postgres.username(),
                        "-n", // no vacuum of pgbench's own tables: the script uses none
                        "-M",
                        "prepared",
                        "-c",
                        String.valueOf(clients),
                        "-j",
                        String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                        "-T",
                        String.valueOf(seconds.toSeconds()),
                        "-f",
                        script.toString(),
                        "-l",
                        "--log-prefix",
                        logs.resolve("tx").toString(),
                        "bench")
                .redirectErrorStream(true);
        command.environment().putAll(Map.of("PGPASSWORD", postgres.password()));
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        Matcher failedMatch = FAILED.matcher(output);
        long failed = failedMatch.find() ? Long.parseLong(failedMatch.group(1)) : 0;
        System.out.printf("pgbench: tps = %s, failed transactions %d%n", tps.find() ? tps.group(1) : "?", failed);
        long[] latencies;
        try (Stream<Path> files = Files.list(logs)) {
            // per transaction: client, transaction number, latency in microseconds, ...
            latencies = files.flatMap(RawInserts::lines)
                    .mapToLong(line -> Long.parseLong(line.split(" ")[2]) * 1000)
                    .sorted()
                    .toArray();
        }
        return Load.result(latencies, failed, seconds.toNanos());
    }

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

    /** The JDBC equivalent of the pgbench script: one prepared insert per transaction, a connection per caller. */
    private boolean insertOverJdbc() throws Exception {
        Connection connection = connections.get();
        if (connection == null) {
            connection = connect();
            connections.set(connection);
            opened.add(connection);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            return insert.executeUpdate() == 1;
        }
    }

    private Connection connect() throws Exception {
        return postgres.connect("bench");
    }

    private static Path pgbench() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(directory -> Path.of(directory, "pgbench"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
