package org.runonce.localstack.process;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The life cycle shared by the servers the local stack runs as child processes (Kafka, PostgreSQL, Keycloak): ports
 * reserved for the server's whole life and a first start retried on fresh ports when one was taken meanwhile, a JVM
 * shutdown hook, stop and close, and its data in a directory of its own (throwaway or persistent).
 */
public abstract class ChildProcessServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChildProcessServer.class.getName());

    private final String name;
    private final boolean portsChosen;
    private final Thread shutdownHook; // null: the owner stops the server
    private List<Ports.Reservation> reservations = List.of();
    private boolean hookRegistered;
    private boolean startedOnce;
    private boolean closed;

    /**
     * @param name for messages, e.g. "Kafka broker"
     * @param portsChosen whether the ports are chosen freely, so that a first start may be retried on others
     * @param stopOnShutdown whether a JVM shutdown hook closes the server
     */
    protected ChildProcessServer(String name, boolean portsChosen, boolean stopOnShutdown) {
        this.name = name;
        this.portsChosen = portsChosen;
        this.shutdownHook = stopOnShutdown ? new Thread(this::close, "runonce-stop-" + name) : null;
    }

    /**
     * Reserves the server's ports: {@code fresh} false for the configured ones (0: any), true for new free ones when
     * a first start is retried. Called by the subclass's constructor and by {@link #start()}.
     */
    protected abstract List<Ports.Reservation> reservePorts(boolean fresh);

    /** Starts the process on the reserved ports and returns once it serves; leaves nothing running on failure. */
    protected abstract void launch();

    /** Stops the process gracefully, then forcibly; a no-op when it is not running. */
    protected abstract void halt();

    /** Releases what the server holds for good (locks) and deletes throwaway data; after the last stop. */
    protected abstract void cleanUp();

    /** Whether the server process runs. */
    public abstract boolean isRunning();

    /** Reserves the configured ports; the subclass's constructor calls it first, so a busy port fails early. */
    protected final void reserveConfiguredPorts() {
        reservations = reservePorts(false);
    }

    /** The port of reservation {@code index}, in the order {@link #reservePorts} returned them. */
    protected final synchronized int port(int index) {
        return reservations.get(index).port();
    }

    /**
     * Starts the server (again) and returns once it serves. A first start on chosen ports is retried, up to
     * {@value Ports#START_ATTEMPTS} times in all, on fresh ports when one of them was taken by someone else
     * meanwhile; restarts stay on the same ports.
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(this + " was closed");
        }
        if (isRunning()) {
            return;
        }
        if (shutdownHook != null && !hookRegistered) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookRegistered = true;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                launch();
                startedOnce = true;
                return;
            } catch (RuntimeException e) {
                boolean portTaken = e instanceof Ports.PortInUseException || Ports.takenMeanwhile(reservations);
                if (startedOnce || !portsChosen || attempt >= Ports.START_ATTEMPTS || !portTaken) {
                    throw e;
                }
                LOG.log(Level.WARNING, "A port of {0} was taken meanwhile; starting on fresh ports", this);
                releasePorts();
                reservations = reservePorts(true);
            }
        }
    }

    /** Stops the server for good, releases its ports and deletes throwaway data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            halt();
        } finally {
            releasePorts();
            if (hookRegistered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // we are the hook
                }
            }
            cleanUp();
        }
    }

    /** Whether {@link #close()} ran. */
    protected final synchronized boolean isClosed() {
        return closed;
    }

    /** The name given to the constructor. */
    protected final String name() {
        return name;
    }

    private void releasePorts() {
        reservations.forEach(Ports.Reservation::close);
    }

    /** A new temporary directory for throwaway data, e.g. {@code runonce-kafka-123}. */
    protected static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a temporary directory " + prefix + "*", e);
        }
    }

    /**
     * The options every embedded server takes, for the builders of the servers (self-typed, so a chain of calls
     * keeps the concrete builder).
     *
     * @param <B> the concrete builder
     */
    public abstract static class Options<B extends Options<B>> {

        private int port;
        private Path dataDirectory;
        private Path logFile;
        private boolean persistent;
        private boolean stopOnShutdown = true;

        protected Options() {}

        /** What was set, for the server's constructor. */
        public Chosen chosen() {
            return new Chosen(port, dataDirectory, logFile, persistent, stopOnShutdown);
        }

        /** The server's TCP port on localhost; 0 (the default) picks a free one. */
        public B port(int port) {
            this.port = port;
            return self();
        }

        /**
         * Where the server keeps its data (Kafka: {@code config/}, {@code data/}, {@code logs/}; PostgreSQL: PGDATA,
         * initialized on first use). Default: a new temporary directory.
         */
        public B dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return self();
        }

        /** Where the server writes its log and output. Default: next to (or inside) the data directory. */
        public B logFile(Path logFile) {
            this.logFile = logFile;
            return self();
        }

        /**
         * Whether the data outlives a stop (for {@code ./runonce start}); default false: the data directory is
         * deleted on stop, and the server may skip what only durability needs (PostgreSQL skips fsync).
         */
        public B persistent(boolean persistent) {
            this.persistent = persistent;
            return self();
        }

        /**
         * Whether a JVM shutdown hook stops the server gracefully (default true). Without it the server still exits
         * when this JVM is gone (the watchdog), but abruptly; turn it off only when the caller stops it in its own
         * hook, e.g. after the applications using it.
         */
        public B stopOnShutdown(boolean stopOnShutdown) {
            this.stopOnShutdown = stopOnShutdown;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }

    /**
     * The common options as set: {@code port} 0 and {@code dataDirectory}/{@code logFile} null mean "choose".
     *
     * @param port the TCP port, or 0
     * @param dataDirectory the data directory, or null
     * @param logFile the log file, or null
     * @param persistent whether the data outlives a stop
     * @param stopOnShutdown whether a JVM shutdown hook stops the server
     */
    public record Chosen(int port, Path dataDirectory, Path logFile, boolean persistent, boolean stopOnShutdown) {}
}
