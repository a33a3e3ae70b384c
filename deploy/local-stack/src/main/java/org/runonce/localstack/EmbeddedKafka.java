package org.runonce.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running in its own JVM, started from
 * Kafka's server jars, which this module resolves from Maven Central at build time. Being a separate process, it can
 * be stopped, killed ({@code kill -9}) and started again on the same port and data directory. The broker exits by
 * itself when the JVM that started it ends, however that JVM ends.
 */
public final class EmbeddedKafka implements Kafka {

    private static final System.Logger LOG = System.getLogger(EmbeddedKafka.class.getName());
    private static final String MAIN_CLASS = KafkaBrokerMain.class.getName();
    private static final List<String> CLASSPATH_RESOURCES =
            List.of("kafka-server.classpath", "kafka-server-shared.classpath");
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

    private final boolean portsChosen;
    private List<Ports.Reservation> reservations = List.of();
    private int port;
    private int controllerPort;
    private final Path dataDirectory;
    private final Path logFile;
    private final boolean persistent;
    private final Path temporaryRoot;
    private final Duration startupTimeout;
    private final List<String> jvmOptions;
    private final Thread shutdownHook; // null: the owner closes the broker
    private DirectoryLock owner;
    private Process process;
    private boolean startedOnce;
    private boolean closed;

    private EmbeddedKafka(Builder builder) {
        portsChosen = builder.port == 0 && builder.controllerPort == 0;
        reservePorts(builder.port, builder.controllerPort); // first: a busy port fails before anything is created
        if (builder.dataDirectory == null) {
            temporaryRoot = createTemporaryRoot();
            dataDirectory = temporaryRoot;
        } else {
            temporaryRoot = null;
            dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        }
        logFile = builder.logFile != null
                ? builder.logFile.toAbsolutePath().normalize()
                : dataDirectory.resolve("logs").resolve("server.log");
        persistent = builder.persistent;
        startupTimeout = builder.startupTimeout;
        jvmOptions = List.copyOf(builder.jvmOptions);
        shutdownHook = builder.shutdownHook ? new Thread(this::close, "runonce-kafka-stop") : null;
    }

    /** Options of an embedded broker; {@link #start()} starts it. */
    public static final class Builder {

        private int port;
        private int controllerPort;
        private Path dataDirectory;
        private Path logFile;
        private boolean persistent;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private boolean shutdownHook = true;

        Builder() {}

        /** Client (PLAINTEXT) port on localhost; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** KRaft controller port on localhost; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * Directory of the broker's configuration ({@code config/}), data ({@code data/}) and log
         * ({@code logs/server.log}). Default: a new temporary directory.
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** Where the broker JVM writes its log and output. Default: {@code <dataDirectory>/logs/server.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Whether the data outlives {@link Kafka#close()} (for {@code ./runonce start}); default false. */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
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

        /**
         * Whether a JVM shutdown hook stops the broker gracefully (default true). Without it the broker still exits
         * when this JVM is gone, but abruptly; turn it off only when the caller closes it in its own hook.
         */
        public Builder stopOnShutdown(boolean stopOnShutdown) {
            this.shutdownHook = stopOnShutdown;
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
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
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

    /**
     * Reserves the ports for as long as this broker lives, restarts included, so that no other server of a RunOnce
     * JVM takes them while it is down.
     */
    private void reservePorts(int requestedPort, int requestedControllerPort) {
        Ports.Reservation client = Ports.reserve(requestedPort, "Kafka");
        try {
            Ports.Reservation controller = Ports.reserve(requestedControllerPort, "Kafka (KRaft controller)");
            reservations = List.of(client, controller);
            port = client.port();
            controllerPort = controller.port();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void releasePorts() {
        reservations.forEach(Ports.Reservation::close);
        reservations = List.of();
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " was closed");
        }
        if (isRunning()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                startOnce();
                startedOnce = true;
                return;
            } catch (RuntimeException e) {
                // a port chosen for the first start may be taken by a process outside RunOnce before the broker binds
                if (startedOnce
                        || !portsChosen
                        || attempt >= Ports.START_ATTEMPTS
                        || !Ports.takenMeanwhile(reservations)) {
                    throw e;
                }
                LOG.log(
                        Level.WARNING,
                        "A port of Kafka on {0} was taken meanwhile; starting on fresh ports",
                        bootstrapServers());
                releasePorts();
                reservePorts(0, 0);
            }
        }
    }

    private void startOnce() {
        long started = System.nanoTime();
        if (owner == null) {
            owner = DirectoryLock.tryAcquire(dataDirectory.resolve(OWNER_LOCK))
                    .orElseThrow(() -> new IllegalStateException("Kafka data directory " + dataDirectory
                            + " is in use by another running process. Stop it first."));
            if (shutdownHook != null) {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
        killStaleBroker(dataDirectory);
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka (KRaft controller)");
        LocalFiles.createDirectories(logFile.getParent());
        LocalFiles.rotateIfLarger(logFile, 20L * 1024 * 1024);
        try {
            Path config = writeConfiguration();
            List<String> command = command(config);
            ProcessBuilder builder = new ProcessBuilder(command)
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
        while (!Ports.acceptsConnections(port)) {
            if (waitForExit(Duration.ofMillis(100))) {
                throw startFailure("the broker process exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw startFailure("port " + port + " did not open within " + startupTimeout.toSeconds() + " s");
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (owner != null) {
            owner.close();
            owner = null;
        }
        releasePorts();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException notRegisteredOrShuttingDown) {
                // never started, or we are the hook
            }
        }
        if (!persistent) {
            LocalFiles.deleteRecursively(temporaryRoot != null ? temporaryRoot : dataDirectory);
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka broker on " + bootstrapServers() + " (data " + dataDirectory + ")";
    }

    private Path writeConfiguration() throws IOException {
        Path configDirectory = Files.createDirectories(dataDirectory.resolve("config"));
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        server.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("log.dirs", dataDirectory.resolve("data").toString());
        server.setProperty("num.partitions", "1");
        server.setProperty("auto.create.topics.enable", "true");
        // a single node: every internal topic has one replica
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "1");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("transaction.state.log.num.partitions", "1");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        // after a kill the restarted broker waits until the controller fences its previous session (default 9 s)
        server.setProperty("broker.session.timeout.ms", "3000");
        server.setProperty("broker.heartbeat.interval.ms", "500");
        Path serverProperties = configDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(serverProperties)) {
            server.store(out, "Written by " + EmbeddedKafka.class.getName() + " on every start");
        }
        Files.writeString(configDirectory.resolve("log4j2.properties"), """
                # Written by %s on every start. Standard output goes to the broker's log file.
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """.formatted(EmbeddedKafka.class.getName()));
        return serverProperties;
    }

    private List<String> command(Path serverProperties) throws IOException {
        List<String> classpath = new ArrayList<>(serverClasspath());
        classpath.add(extractMainClass().toString());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile="
                + dataDirectory.resolve("config").resolve("log4j2.properties").toUri());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(MAIN_CLASS);
        command.add(serverProperties.toString());
        command.add(clusterId());
        return command;
    }

    /** The id the storage is formatted with: random on first start, then kept, as the broker insists on it. */
    private String clusterId() throws IOException {
        Path file = dataDirectory.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /**
     * Copies {@link KafkaBrokerMain} out of this module into the data directory, because the class may live in a
     * jar the broker JVM cannot use (e.g. nested in the launcher's executable jar).
     */
    private Path extractMainClass() throws IOException {
        Path root = dataDirectory.resolve("launcher");
        String resource = MAIN_CLASS.replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = EmbeddedKafka.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found on the classpath");
            }
            Files.write(target, in.readAllBytes());
        }
        return root;
    }

    /** Apache Kafka's server jars, as resolved when this module was built (see its pom). */
    static List<String> serverClasspath() {
        List<String> entries = new ArrayList<>();
        for (String name : CLASSPATH_RESOURCES) {
            try (InputStream in = EmbeddedKafka.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + name + " is missing next to "
                            + EmbeddedKafka.class.getName()
                            + "; it is generated by the Maven build of deploy/local-stack (generate-resources).");
                }
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                Arrays.stream(content.split(File.pathSeparator))
                        .filter(entry -> !entry.isBlank())
                        .forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> missing =
                entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka server jars are missing from the local Maven repository: " + missing
                    + ". Rebuild deploy/local-stack so Maven resolves them again.");
        }
        return entries;
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
                .toString();
    }

    /** Kills a broker that a killed JVM left running on {@code dataDirectory}; the caller owns the directory. */
    static void killStaleBroker(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        LocalFiles.readPid(pidFile)
                .flatMap(pid -> Processes.alive(pid, MAIN_CLASS))
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
    static void stopOrphan(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        DirectoryLock.tryAcquire(dataDirectory.resolve(OWNER_LOCK)).ifPresent(lock -> {
            try (lock) {
                killStaleBroker(dataDirectory);
            }
        });
    }

    private static Path createTemporaryRoot() {
        try {
            return Files.createTempDirectory("runonce-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a temporary directory for Kafka", e);
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the process is gone
        }
    }
}
