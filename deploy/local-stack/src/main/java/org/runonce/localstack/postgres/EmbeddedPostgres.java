package org.runonce.localstack.postgres;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.process.ChildProcessServer;
import org.runonce.localstack.process.ChildProcessServer.Chosen;
import org.runonce.localstack.process.DirectoryLock;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.Ports;
import org.runonce.localstack.process.Processes;
import org.runonce.localstack.process.Watchdog;

/**
 * PostgreSQL 17 run from the zonky binaries on Maven Central: no Docker, no installation. The server runs as its
 * own OS process ({@code pg_ctl} daemonizes it), so this class stops it on {@link #stop()}, in a JVM shutdown hook,
 * and, when a previous JVM was killed and left it running, before starting on the same data directory.
 */
public final class EmbeddedPostgres extends ChildProcessServer implements Postgres {

    private static final System.Logger LOG = System.getLogger(EmbeddedPostgres.class.getName());
    private static final String SUPERUSER = "postgres";
    /** zonky's lock file in the data directory, held by the JVM that runs the server. */
    private static final String ZONKY_LOCK = "epg-lock";

    private final int requestedPort;
    private final Path dataDirectory;
    private final Path logFile;
    private final boolean persistent;
    private final Path temporaryRoot;
    private final Databases databases;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private ProcessHandle postmaster;

    private EmbeddedPostgres(Chosen chosen) {
        super("PostgreSQL", chosen.port() == 0, chosen.stopOnShutdown());
        requestedPort = chosen.port();
        reserveConfiguredPorts(); // first: a busy port fails before anything is created
        if (chosen.dataDirectory() == null) {
            temporaryRoot = temporaryDirectory("runonce-postgres-");
            dataDirectory = temporaryRoot.resolve("data");
        } else {
            temporaryRoot = null;
            dataDirectory = chosen.dataDirectory().toAbsolutePath().normalize();
        }
        logFile = chosen.logFile() != null
                ? chosen.logFile().toAbsolutePath().normalize()
                : dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        persistent = chosen.persistent();
        databases =
                new Databases(() -> server().getDatabase(USERNAME, "postgres").getConnection());
    }

    /** Options of an embedded PostgreSQL server; {@link #start()} starts it. */
    public static final class Builder extends ChildProcessServer.Options<Builder> {

        public Builder() {}

        /** Starts the server and returns once it accepts connections. */
        public EmbeddedPostgres start() {
            EmbeddedPostgres postgres = new EmbeddedPostgres(chosen());
            try {
                postgres.start();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        }
    }

    /** The port is reserved until the server is stopped, so that no other server takes it meanwhile. */
    @Override
    protected List<Ports.Reservation> reservePorts(boolean fresh) {
        return List.of(Ports.reserve(fresh ? 0 : requestedPort, "PostgreSQL"));
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    protected void launch() {
        int port = port();
        long started = System.nanoTime();
        LocalFiles.createDirectories(dataDirectory);
        LocalFiles.createDirectories(logFile.getParent());
        LocalFiles.rotateIfLarger(logFile, 20L * 1024 * 1024);
        stopOrphan(dataDirectory);
        Ports.requireFree(port, "PostgreSQL");
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // we delete throwaway data ourselves, after stopping
                .setRegisterShutdownHook(false) // ours also deletes throwaway data
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // the builtin provider makes sorting and case rules the same on every OS
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "localhost")
                // statements per database, for the benchmarks' round-trip counts (a few % per statement)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        if (!persistent) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        try {
            server = builder.start();
            watchPostmaster();
            createDemoUser();
        } catch (IOException | SQLException | RuntimeException e) {
            closeServerQuietly();
            throw new IllegalStateException(
                    LocalFiles.withLogTail(
                            "PostgreSQL failed to start on port " + port + " with data directory " + dataDirectory
                                    + ": " + e.getMessage(),
                            logFile),
                    e);
        }
        LOG.log(
                Level.INFO,
                "PostgreSQL started on localhost:{0,number,#} in {1} ms (data {2}, log {3})",
                port,
                (System.nanoTime() - started) / 1_000_000,
                dataDirectory,
                logFile);
    }

    /** The server runs detached from this JVM (pg_ctl), so the watchdog ends it if this JVM dies. */
    private void watchPostmaster() {
        postmaster = LocalFiles.readPid(dataDirectory.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .orElse(null);
        if (postmaster != null) {
            Watchdog.watch(postmaster, Watchdog.Signal.INT);
        }
    }

    private void createDemoUser() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN SUPERUSER PASSWORD '%s';
                      END IF;
                    END $$""".formatted(USERNAME, USERNAME, PASSWORD));
        }
    }

    private synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " is stopped");
        }
        return server;
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port(0);
    }

    /** The PostgreSQL data directory (PGDATA). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's log file. */
    public Path logFile() {
        return logFile;
    }

    @Override
    public String jdbcUrl(String database) {
        databases.ensureExists(database);
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void stop() {
        close();
    }

    /**
     * Stops the server as an outage or an operator's restart does ({@code pg_ctl stop -m fast}: open connections are
     * terminated, new ones refused) but keeps its port and data, unlike {@link #stop()}; {@link #start()} starts it
     * again on both.
     */
    public synchronized void stopForNow() {
        halt();
    }

    @Override
    public void close() {
        super.close();
    }

    @Override
    protected void halt() {
        if (server != null) {
            closeServerQuietly();
            LOG.log(Level.INFO, "PostgreSQL on localhost:{0,number,#} stopped", port());
        }
    }

    @Override
    protected void cleanUp() {
        if (!persistent) {
            LocalFiles.deleteRecursively(temporaryRoot != null ? temporaryRoot : dataDirectory);
        }
    }

    private void closeServerQuietly() {
        if (server == null) {
            return;
        }
        try {
            server.close(); // pg_ctl stop -m fast
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not stop PostgreSQL on port " + port(), e);
        }
        server = null;
        if (postmaster != null) {
            Watchdog.forget(postmaster);
            postmaster = null;
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on localhost:" + port() + " (data " + dataDirectory + ")";
    }

    /**
     * Stops a server left running on {@code dataDirectory} by a JVM that was killed, and removes a stale
     * {@code postmaster.pid}. Fails when a live process still owns the directory.
     */
    public static void stopOrphan(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (DirectoryLock owner = DirectoryLock.tryAcquire(dataDirectory.resolve(ZONKY_LOCK))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL data directory " + dataDirectory
                        + " is in use by another running process. Stop it first."))) {
            Objects.requireNonNull(owner); // held while we stop the orphan, so no one else starts on the directory
            var pid = LocalFiles.readPid(pidFile);
            var orphan = pid.flatMap(p -> Processes.alive(p, "postgres"));
            if (orphan.isPresent()) {
                LOG.log(
                        Level.WARNING,
                        "Stopping PostgreSQL (pid {0,number,#}) left running on {1} by a process that was killed",
                        orphan.get().pid(),
                        dataDirectory);
                fastShutdown(orphan.get());
            }
            if (pid.flatMap(p -> Processes.alive(p, "postgres")).isEmpty()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not clean up stale PostgreSQL state in " + dataDirectory, e);
        }
    }

    /** SIGINT is PostgreSQL's "fast" shutdown, which ends open sessions; SIGTERM would wait for them. */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            postmaster.destroy(); // no kill(1): SIGTERM, then the forced end below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Processes.awaitExit(postmaster, Duration.ofSeconds(20))) {
            postmaster.destroyForcibly();
            Processes.awaitExit(postmaster, Duration.ofSeconds(10));
        }
    }
}
