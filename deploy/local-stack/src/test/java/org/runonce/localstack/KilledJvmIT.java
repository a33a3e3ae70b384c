package org.runonce.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.runonce.localstack.postgres.EmbeddedPostgresIT;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.Ports;
import org.runonce.localstack.process.Processes;

/**
 * Kills JVMs that run servers, with SIGKILL and SIGTERM, and checks that nothing they started outlives them by more
 * than 30 s: the broker exits by itself, the watchdog ends the rest (PostgreSQL, Keycloak, the applications), a
 * SIGTERM runs the launcher's own orderly stop, and the data a killed JVM left is cleaned up by the next one.
 */
class KilledJvmIT {

    /** How long after its launcher was killed a process or a port may still be there. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path scratch;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void serversOfAKilledJvmAreStoppedAndCleanedUp() throws Exception {
        Process child = fixture("shared", List.of());
        String[] ready = awaitReady(child);
        Path directory = Path.of(ready[1]);
        long brokerPid = Long.parseLong(ready[2]);
        Path postgresData = directory.resolve("postgres");
        long postmasterPid =
                LocalFiles.readPid(postgresData.resolve("postmaster.pid")).orElseThrow();

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the broker notices that its parent is gone and shuts down
        ProcessHandle.of(brokerPid)
                .ifPresent(broker -> assertThat(Processes.awaitExit(broker, Duration.ofSeconds(60)))
                        .as("broker %d exits after its parent was killed", brokerPid)
                        .isTrue());
        // pg_ctl runs PostgreSQL detached from the JVM; the watchdog stops it (fast shutdown), keeping its data
        ProcessHandle.of(postmasterPid)
                .ifPresent(postmaster -> assertThat(Processes.awaitExit(postmaster, STOP_LIMIT))
                        .as("PostgreSQL %d exits after the JVM that started it was killed", postmasterPid)
                        .isTrue());

        // what it wrote is there for the next start on the same data directory (like ./runonce start after a crash)
        try (Postgres postgres =
                Postgres.embedded().dataDirectory(postgresData).persistent(true).start()) {
            assertThat(EmbeddedPostgresIT.queryString(postgres.jdbcUrl("fixture"), "SELECT text FROM note"))
                    .isEqualTo("written before the kill");
        }
        assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive))
                .isEmpty();

        // the next test JVM deletes what the killed one left
        LocalInfrastructure.cleanUpAfterKilledRuns(RunonceHome.testDirectory());
        assertThat(directory).doesNotExist();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aLauncherKilledWithSigkillLeavesNothingBehind() throws Exception {
        Process launcher = fixture(
                "sigkill", List.of("platform", scratch.resolve("sigkill").toString()));
        try {
            Platform platform = Platform.of(awaitReady(launcher));
            assertThat(platform.pids()).as("the platform's processes").hasSizeGreaterThanOrEqualTo(8);

            long t0 = System.nanoTime();
            launcher.destroyForcibly(); // no shutdown hook runs: the watchdog ends what the launcher left
            platform.assertGoneBy(t0);
            System.out.printf(
                    "After SIGKILL of the launcher every process and port was gone in %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aLauncherStoppedWithSigtermStopsItsPlatformWithin30Seconds() throws Exception {
        Process launcher = fixture(
                "sigterm", List.of("platform", scratch.resolve("sigterm").toString()));
        try {
            Platform platform = Platform.of(awaitReady(launcher));

            long t0 = System.nanoTime();
            launcher.destroy(); // SIGTERM: the launcher's shutdown hook stops the platform
            assertThat(launcher.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the launcher exits within 30 s of SIGTERM")
                    .isTrue();
            long exited = System.nanoTime() - t0;
            platform.assertGoneBy(t0);
            System.out.printf(
                    "After SIGTERM the launcher exited in %d ms; every process and port was gone in %d ms%n",
                    exited / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            launcher.destroyForcibly();
        }
    }

    /** The processes and ports of a platform that a fixture started. */
    private record Platform(List<Long> pids, List<Integer> ports) {

        static Platform of(String[] ready) {
            return new Platform(
                    Arrays.stream(ready[1].split(",")).map(Long::parseLong).toList(),
                    Arrays.stream(ready[2].split(",")).map(Integer::parseInt).toList());
        }

        /** Every process has ended and no port is listened on, at most 30 s after {@code killedAt}. */
        void assertGoneBy(long killedAt) {
            long deadline = killedAt + STOP_LIMIT.toNanos();
            for (long pid : pids) {
                ProcessHandle.of(pid)
                        .ifPresent(process -> assertThat(Processes.awaitExit(
                                        process, Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))))
                                .as(
                                        "process %d (%s) ended within 30 s",
                                        pid, process.info().commandLine().orElse("?"))
                                .isTrue());
            }
            assertThat(ports)
                    .allSatisfy(port -> assertThat(Ports.acceptsConnections(port))
                            .as("port %d is closed", port)
                            .isFalse());
        }
    }

    /** A fixture JVM; its standard error goes to {@code <runonce home>/test/logs/killed-jvm-<name>-*.log}. */
    private Process fixture(String name, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + RunonceHome.PROPERTY + "=" + RunonceHome.path(),
                "-D" + LocalInfrastructure.MODE_PROPERTY + "=embedded",
                KilledJvmFixture.class.getName()));
        command.addAll(arguments);
        Path log = LocalFiles.testLogDirectory(RunonceHome.path())
                .resolve("killed-jvm-" + name + "-" + LocalFiles.uniqueSuffix() + ".log");
        Process process =
                new ProcessBuilder(command).redirectError(log.toFile()).start();
        LOGS.put(process, log);
        return process;
    }

    /** Reads the fixture's output up to its READY line, then drains the rest in the background. */
    private static String[] awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(KilledJvmFixture.READY + " ")) {
                Thread.ofPlatform().daemon().start(() -> out.lines().forEach(System.out::println));
                return line.split(" ");
            }
        }
        throw new AssertionError(LocalFiles.withLogTail(
                "The fixture JVM exited with code " + child.waitFor() + " before it was ready", LOGS.get(child)));
    }
}
