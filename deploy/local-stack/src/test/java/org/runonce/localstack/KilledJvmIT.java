package org.runonce.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM running the shared servers with SIGKILL and checks that nothing it started outlives it for long:
 * the broker exits by itself, and the PostgreSQL server it left is stopped by the next start on its data directory
 * and by the next test JVM's clean-up.
 */
class KilledJvmIT {

    @TempDir
    Path scratch;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void serversOfAKilledJvmAreStoppedAndCleanedUp() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-D" + RunonceHome.PROPERTY + "=" + RunonceHome.path(),
                        "-D" + LocalInfrastructure.MODE_PROPERTY + "=embedded",
                        KilledJvmFixture.class.getName())
                .redirectError(scratch.resolve("child.log").toFile())
                .start();
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
        // pg_ctl runs PostgreSQL detached, so it is still up ...
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);

        // ... until something starts on the same data directory (like ./runonce start after a crash)
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

    private static String[] awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(KilledJvmFixture.READY + " ")) {
                return line.split(" ");
            }
        }
        throw new AssertionError("The fixture JVM exited with code " + child.waitFor() + " before it was ready");
    }
}
