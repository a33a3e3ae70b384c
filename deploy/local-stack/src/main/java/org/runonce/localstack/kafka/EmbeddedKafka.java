package org.runonce.localstack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.runonce.localstack.Kafka;
import org.runonce.localstack.process.ChildProcessServer;
import org.runonce.localstack.process.ChildProcessServer.Chosen;
import org.runonce.localstack.process.DirectoryLock;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.Ports;
import org.runonce.localstack.process.Processes;
import org.runonce.localstack.process.Watchdog;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running in its own JVM, started from
 * Kafka's server jars, which this module resolves from Maven Central at build time. Being a separate process, it can
 * be stopped, killed ({@code kill -9}) and started again on the same port and data directory. The broker exits by
 * itself when the JVM that started it ends, however that JVM ends.
 */
public final class EmbeddedKafka extends ChildProcessServer implements Kafka {

    private static final System.Logger LOG = System.getLogger(EmbeddedKafka.class.getName());
    private static final String OWNER_LOCK = "owner.lock";
    private static final String PID_FILE = "broker.pid";

    /** JVM options of the broker: small heap and quick start-up, ample for local use and tests. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    /** How long a graceful stop may take before SIGKILL; a single node's controlled shutdown takes a second or two. */
    static final Duration STOP_GRACE = Duration.ofSeconds(8);

    private final int requestedPort;
    private final int requestedControllerPort;
    private final Path dataDirectory;
    private final Path logFile;
    private final boolean persistent;
    private final Path temporaryRoot;
    private final Duration startupTimeout;
    private final List<String> jvmOptions;
    private DirectoryLock owner;
    private Process process;

    private EmbeddedKafka(Builder builder) {
        this(builder, builder.chosen());
    }

    private EmbeddedKafka(Builder builder, Chosen chosen) {
        super("Kafka broker", chosen.port() == 0 && builder.controllerPort == 0, chosen.stopOnShutdown());
        requestedPort = chosen.port();
        requestedControllerPort = builder.controllerPort;
        reserveConfiguredPorts(); // first: a busy port fails before anything is created
        if (chosen.dataDirectory() == null) {
            temporaryRoot = temporaryDirectory("runonce-kafka-");
            dataDirectory = temporaryRoot;
        } else {
            temporaryRoot = null;
            dataDirectory = chosen.dataDirectory().toAbsolutePath().normalize();
        }
        logFile = chosen.logFile() != null
                ? chosen.logFile().toAbsolutePath().normalize()
                : dataDirectory.resolve("logs").resolve("server.log");
        persistent = chosen.persistent();
        startupTimeout = builder.startupTimeout;
        jvmOptions = List.copyOf(builder.jvmOptions);
    }

    /** Options of an embedded broker; {@link #start()} starts it. */
    public static final class Builder extends ChildProcessServer.Options<Builder> {

        private int controllerPort;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;

        public Builder() {}

        /** KRaft controller port on localhost; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** How long {@link Kafka#start()} waits for the broker to serve requests; default 90 s. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** JVM options of the broker process; default {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
            return this;
        }

        /** Starts the broker and returns once it serves requests. */
        public EmbeddedKafka start() {
            EmbeddedKafka kafka = new EmbeddedKafka(this);
            try {
                kafka.start();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port();
    }

    public int port() {
        return port(0);
    }

    public int controllerPort() {
        return port(1);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Process id of the broker JVM, while it runs. */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " is not running");
        }
        return process.pid();
    }

    /** The ports are reserved for the broker's life, restarts included, so that no other server takes them. */
    @Override
    protected List<Ports.Reservation> reservePorts(boolean fresh) {
        Ports.Reservation client = Ports.reserve(fresh ? 0 : requestedPort, "Kafka");
        try {
            return List.of(client, Ports.reserve(fresh ? 0 : requestedControllerPort, "Kafka (KRaft controller)"));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    protected void launch() {
        long started = System.nanoTime();
        if (owner == null) {
            owner = DirectoryLock.tryAcquire(dataDirectory.resolve(OWNER_LOCK))
                    .orElseThrow(() -> new IllegalStateException("Kafka data directory " + dataDirectory
                            + " is in use by another running process. Stop it first."));
        }
        killStaleBroker(dataDirectory);
        Ports.requireFree(port(), "Kafka");
        Ports.requireFree(controllerPort(), "Kafka (KRaft controller)");
        LocalFiles.createDirectories(logFile.getParent());
        LocalFiles.rotateIfLarger(logFile, 20L * 1024 * 1024);
        try {
            Path config = BrokerCommand.writeConfiguration(dataDirectory, port(), controllerPort());
            ProcessBuilder builder = new ProcessBuilder(BrokerCommand.command(dataDirectory, jvmOptions, config))
                    .directory(dataDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // standard input stays a pipe from this JVM: the broker exits when it closes (see KafkaBrokerMain)
            process = builder.start();
            Watchdog.watch(process.toHandle(), Watchdog.Signal.TERM);
            Files.writeString(dataDirectory.resolve(PID_FILE), Long.toString(process.pid()));
        } catch (IOException e) {
            kill(); // if it was launched
            throw new IllegalStateException(
                    LocalFiles.withLogTail("Could not start the Kafka broker JVM: " + e.getMessage(), logFile), e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        LOG.log(
                Level.INFO,
                "Kafka broker started on {0} in {1} ms (pid {2,number,#}, data {3}, log {4})",
                bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                process.pid(),
                dataDirectory,
                logFile);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        // the port opens before the broker serves; waiting for it first keeps the admin client from logging retries
        while (!Ports.acceptsConnections(port())) {
            if (waitForExit(Duration.ofMillis(100))) {
                throw startFailure("the broker process exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw startFailure("port " + port() + " did not open within " + startupTimeout.toSeconds() + " s");
            }
        }
        Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
        KafkaReadiness.await(bootstrapServers(), remaining, process::isAlive, this::startFailure);
    }

    private IllegalStateException startFailure(String reason) {
        return new IllegalStateException(LocalFiles.withLogTail(
                "Kafka broker on " + bootstrapServers() + " (data " + dataDirectory + ") did not start: " + reason,
                logFile));
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    @Override
    public synchronized void stop() {
        halt();
    }

    @Override
    protected void halt() {
        if (!isRunning()) {
            release();
            return;
        }
        long stopping = System.nanoTime();
        process.destroy(); // SIGTERM: Kafka's shutdown hook does a controlled shutdown
        if (!waitForExit(STOP_GRACE)) {
            LOG.log(
                    Level.WARNING,
                    "Kafka broker on {0} did not stop within {1} s; killing it",
                    bootstrapServers(),
                    STOP_GRACE.toSeconds());
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
        LOG.log(
                Level.INFO,
                "Kafka broker on {0} stopped in {1} ms",
                bootstrapServers(),
                (System.nanoTime() - stopping) / 1_000_000);
        release();
    }

    @Override
    public synchronized void kill() {
        if (isRunning()) {
            process.destroyForcibly(); // SIGKILL
            waitForExit(Duration.ofSeconds(10));
            LOG.log(Level.INFO, "Kafka broker on {0} killed", bootstrapServers());
        }
        release();
    }

    private void release() {
        if (process != null) {
            closeQuietly(process.getOutputStream());
            process = null;
        }
    }

    @Override
    protected void cleanUp() {
        if (owner != null) {
            owner.close();
            owner = null;
        }
        if (!persistent) {
            LocalFiles.deleteRecursively(temporaryRoot != null ? temporaryRoot : dataDirectory);
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka broker on " + bootstrapServers() + " (data " + dataDirectory + ")";
    }

    /** Kills a broker that a killed JVM left running on {@code dataDirectory}; the caller owns the directory. */
    static void killStaleBroker(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        LocalFiles.readPid(pidFile)
                .flatMap(pid -> Processes.alive(pid, BrokerCommand.MAIN_CLASS))
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(dataDirectory.toString()))
                        .orElse(false))
                .ifPresent(stale -> {
                    LOG.log(
                            Level.WARNING,
                            "Stopping Kafka broker (pid {0,number,#}) left running on {1} by a process that was killed",
                            stale.pid(),
                            dataDirectory);
                    Processes.terminate(stale, Duration.ofSeconds(30));
                });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // rewritten on start
        }
    }

    /** Ends a broker left running on {@code dataDirectory} by a killed JVM; no-op if a live process owns it. */
    public static void stopOrphan(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        DirectoryLock.tryAcquire(dataDirectory.resolve(OWNER_LOCK)).ifPresent(lock -> {
            try (lock) {
                killStaleBroker(dataDirectory);
            }
        });
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the process is gone
        }
    }
}
