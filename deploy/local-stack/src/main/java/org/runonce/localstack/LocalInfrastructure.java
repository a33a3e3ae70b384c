package org.runonce.localstack;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.runonce.localstack.kafka.EmbeddedKafka;
import org.runonce.localstack.postgres.EmbeddedPostgres;
import org.runonce.localstack.process.DirectoryLock;
import org.runonce.localstack.process.LocalFiles;
import org.testcontainers.DockerClientFactory;

/**
 * PostgreSQL, Kafka and SMTP shared by all tests of a JVM: each is started on first use and stopped when the JVM
 * exits. Embedded servers on free ports with throwaway data under {@code ${runonce.home}/test/<uuid>}, or
 * Testcontainers when a Docker engine is reachable. System property {@value #MODE_PROPERTY} (or environment variable
 * {@code RUNONCE_INFRASTRUCTURE}) = {@code embedded}, {@code containers} or {@code auto} (the default) chooses.
 *
 * <p>Tests that {@link Kafka#kill()} or {@link Kafka#stop()} the shared broker must {@link Kafka#start()} it again.
 */
public final class LocalInfrastructure {

    /** Chooses embedded servers or containers: {@code embedded}, {@code containers} or {@code auto}. */
    public static final String MODE_PROPERTY = "runonce.infrastructure";

    private static final System.Logger LOG = System.getLogger(LocalInfrastructure.class.getName());
    private static final String OWNER_LOCK = ".owner.lock";

    /** How the servers run. */
    public enum Mode {
        /** Embedded processes from Maven Central artifacts; no Docker needed. */
        EMBEDDED,
        /** Testcontainers; needs a Docker engine. */
        CONTAINERS
    }

    private static final Lazy<Mode> MODE = new Lazy<>(LocalInfrastructure::chooseMode);
    private static final Lazy<Path> DIRECTORY = new Lazy<>(LocalInfrastructure::createDirectory);
    private static final Lazy<Postgres> POSTGRES = new Lazy<>(() -> mode() == Mode.CONTAINERS
            ? Postgres.container()
            : Postgres.embedded()
                    .dataDirectory(directory().resolve("postgres"))
                    .logFile(directory().resolve("postgres.log"))
                    .stopOnShutdown(false) // shutDown() stops it, after the contexts using it
                    .start());
    private static final Lazy<Kafka> KAFKA = new Lazy<>(() -> mode() == Mode.CONTAINERS
            ? Kafka.container()
            : Kafka.embedded()
                    .dataDirectory(directory().resolve("kafka"))
                    .stopOnShutdown(false) // shutDown() stops it, after the contexts using it
                    .start());
    private static final Lazy<Smtp> SMTP = new Lazy<>(() -> Smtp.embedded(0));

    private static final Duration LEASE_WAIT = Duration.ofSeconds(10);
    private static final Object LEASES = new Object();
    private static int openLeases;
    private static DirectoryLock directoryLock;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LocalInfrastructure::shutDown, "runonce-infrastructure-stop"));
    }

    private LocalInfrastructure() {}

    /** The shared PostgreSQL server, started on first call. */
    public static Postgres postgres() {
        return POSTGRES.get();
    }

    /** The shared Kafka broker, started on first call. */
    public static Kafka kafka() {
        return KAFKA.get();
    }

    /**
     * The shared SMTP server, started on first call. Always GreenMail in this JVM, also when Docker is available:
     * it is the same server a container would run, without the container.
     */
    public static Smtp smtp() {
        return SMTP.get();
    }

    /** A claim on the shared servers; see {@link #lease()}. */
    public interface Lease extends AutoCloseable {
        /** Ends the claim; idempotent. */
        @Override
        void close();
    }

    /**
     * Claims the shared servers until the lease is closed. At JVM exit the servers stop only once every lease is
     * closed (or after 10 s), so that Spring contexts, which close in their own shutdown hooks, can disconnect from
     * Kafka and PostgreSQL cleanly. {@code @WithLocalInfrastructure} takes one per context.
     */
    public static Lease lease() {
        synchronized (LEASES) {
            openLeases++;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (LEASES) {
                    openLeases--;
                    LEASES.notifyAll();
                }
            }
        };
    }

    private static void awaitLeases() {
        long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
        synchronized (LEASES) {
            while (openLeases > 0) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    LOG.log(
                            Level.WARNING,
                            "Stopping the test servers while {0} Spring context(s) still use them",
                            openLeases);
                    return;
                }
                try {
                    LEASES.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether this JVM uses embedded servers or containers. */
    public static Mode mode() {
        return MODE.get();
    }

    /** This JVM's throwaway directory, {@code ${runonce.home}/test/<uuid>}, deleted when the JVM exits. */
    public static Path directory() {
        return DIRECTORY.get();
    }

    private static Mode chooseMode() {
        String configured = System.getProperty(MODE_PROPERTY, System.getenv("RUNONCE_INFRASTRUCTURE"));
        String setting = configured == null ? "auto" : configured.strip().toLowerCase(Locale.ROOT);
        Mode mode = switch (setting) {
            case "embedded" -> Mode.EMBEDDED;
            case "containers" -> Mode.CONTAINERS;
            case "auto", "" -> dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default ->
                throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be embedded, containers or auto, not '" + configured + "'");
        };
        LOG.log(
                Level.INFO,
                "Test infrastructure: {0} ({1}={2}; embedded, containers or auto)",
                mode == Mode.EMBEDDED ? "embedded servers" : "Testcontainers",
                MODE_PROPERTY,
                setting);
        return mode;
    }

    /**
     * Asks Testcontainers, unless nothing hints at a Docker engine: then it would only log a failed search as an
     * error in every test run of a machine without Docker.
     */
    private static boolean dockerAvailable() {
        if (!dockerHinted()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean dockerHinted() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        List<Path> hints = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                userHome.resolve(".testcontainers.properties"),
                userHome.resolve(".docker/run/docker.sock"),
                userHome.resolve(".docker/desktop/docker.sock"),
                userHome.resolve(".colima/default/docker.sock"),
                userHome.resolve(".rd/docker.sock")));
        String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDirectory != null) {
            hints.add(Path.of(runtimeDirectory, "docker.sock"));
            hints.add(Path.of(runtimeDirectory, "podman", "podman.sock"));
        }
        return hints.stream().anyMatch(Files::exists);
    }

    private static Path createDirectory() {
        Path testRoot = RunonceHome.testDirectory();
        Path directory = testRoot.resolve(UUID.randomUUID().toString());
        LocalFiles.createDirectories(directory);
        synchronized (LocalInfrastructure.class) {
            directoryLock = DirectoryLock.tryAcquire(directory.resolve(OWNER_LOCK))
                    .orElseThrow(() -> new IllegalStateException("Could not lock new directory " + directory));
        }
        try {
            Files.writeString(
                    directory.resolve("owner.pid"),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException ignored) {
            // informational only
        }
        cleanUpAfterKilledRuns(testRoot);
        return directory;
    }

    /**
     * Stops servers that test JVMs killed earlier left running under {@code testRoot}, and deletes their
     * directories. Directories of live JVMs, this one included, are locked and left alone.
     */
    static void cleanUpAfterKilledRuns(Path testRoot) {
        List<Path> candidates;
        try (Stream<Path> children = Files.list(testRoot)) {
            candidates = children.filter(Files::isDirectory)
                    .filter(dir -> Files.exists(dir.resolve(OWNER_LOCK)))
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path dir : candidates) {
            // getting the lock means the JVM that owned the directory is gone
            DirectoryLock.tryAcquire(dir.resolve(OWNER_LOCK)).ifPresent(lock -> cleanUpAfterKilledRun(dir, lock));
        }
    }

    private static void cleanUpAfterKilledRun(Path dir, DirectoryLock lock) {
        try (lock) {
            LOG.log(Level.INFO, "Cleaning up {0}, left by a test JVM that did not exit normally", dir);
            EmbeddedPostgres.stopOrphan(dir.resolve("postgres"));
            EmbeddedKafka.stopOrphan(dir.resolve("kafka"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not clean up " + dir, e);
            return;
        }
        LocalFiles.deleteRecursively(dir);
    }

    private static void shutDown() {
        awaitLeases();
        List<AutoCloseable> started = new ArrayList<>();
        KAFKA.ifCreated(started::add);
        POSTGRES.ifCreated(started::add);
        SMTP.ifCreated(started::add);
        for (AutoCloseable server : started) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not stop " + server, e);
            }
        }
        DIRECTORY.ifCreated(directory -> {
            synchronized (LocalInfrastructure.class) {
                if (directoryLock != null) {
                    directoryLock.close();
                }
            }
            LocalFiles.deleteRecursively(directory);
        });
    }

    /** A value created once, on first use, under its own lock, so PostgreSQL and Kafka can start in parallel. */
    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = factory.get();
                        value = result;
                    }
                }
            }
            return result;
        }

        void ifCreated(java.util.function.Consumer<T> action) {
            T result = value;
            if (result != null) {
                action.accept(result);
            }
        }
    }
}
