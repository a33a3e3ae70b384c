package org.runonce.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Port choice for the embedded servers, free of races between the servers of every RunOnce JVM on the machine.
 *
 * <p>A port checked free is not yet listened on: a server JVM binds it seconds later. Another server choosing in the
 * meantime, in this JVM or another test JVM, could pick the same port. So a chosen port is <em>reserved</em>: an OS
 * file lock on {@code <tmp>/runonce-<user>/ports/<port>.lock}, held by the JVM that owns the server for as long as the
 * server may run on it (across its restarts), and released by the OS if that JVM dies. Choosers skip reserved ports.
 * A process outside RunOnce can still take a port in between; {@link #startOnFreshPorts} retries a start on new ports
 * then.
 */
public final class Ports {

    /**
     * Chosen ports come from below Linux's ephemeral range (32768-60999): a port the kernel handed out with
     * {@code bind(0)} is also a candidate source port of every outgoing connection on the machine, so between being
     * chosen and being listened on it could be taken by any client (seen with Kafka's port under parallel builds).
     */
    static final int FIRST = 20_000;

    static final int LAST = 32_000;

    /**
     * System property {@code first-last} narrowing the range ports are chosen from; tests use it to make servers
     * compete for few ports.
     */
    static final String RANGE_PROPERTY = "runonce.ports.range";

    /** System property naming the directory of the reservation files; default under {@code java.io.tmpdir}. */
    static final String DIRECTORY_PROPERTY = "runonce.ports.directory";

    private static final List<Reservation> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Ports() {}

    /** A port reserved for this JVM until {@link Reservation#close()} (or its exit), free when reserved. */
    public static final class Reservation implements AutoCloseable {

        private final int port;
        private final DirectoryLock lock;

        private Reservation(int port, DirectoryLock lock) {
            this.port = port;
            this.lock = lock;
        }

        public int port() {
            return port;
        }

        @Override
        public void close() {
            lock.close();
        }

        @Override
        public String toString() {
            return "port " + port;
        }
    }

    /** A free port from the range, reserved for this JVM. */
    public static Reservation reserve() {
        int[] range = range();
        List<Integer> candidates = new ArrayList<>(range[1] - range[0] + 1);
        for (int port = range[0]; port <= range[1]; port++) {
            candidates.add(port);
        }
        Collections.shuffle(candidates);
        for (int port : candidates) {
            Optional<Reservation> reservation = tryReserve(port);
            if (reservation.isPresent()) {
                if (isFree(port)) {
                    return reservation.get();
                }
                reservation.get().close();
            }
        }
        throw new UncheckedIOException(
                new IOException("Could not find a free local port in " + range[0] + "-" + range[1]));
    }

    /**
     * {@code port} reserved for {@code server}, or a free port when it is 0. Fails with a message naming the port and
     * the server when it is in use, or reserved by another RunOnce JVM.
     */
    public static Reservation reserve(int port, String server) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        if (port == 0) {
            return reserve();
        }
        Reservation reservation = tryReserve(port)
                .orElseThrow(() -> new IllegalStateException(server + " cannot start: port " + port
                        + " is reserved by another RunOnce process on this machine (" + directory() + ")."));
        try {
            requireFree(port, server);
        } catch (RuntimeException e) {
            reservation.close();
            throw e;
        }
        return reservation;
    }

    /**
     * A free port reserved until this JVM exits, for callers that hand the port on without keeping the reservation
     * (tests, containers).
     */
    public static int free() {
        Reservation reservation = reserve();
        KEPT.add(reservation); // reachable, so that no cleaner closes its file and drops the lock
        return reservation.port();
    }

    /** How often a server whose ports were chosen freely is started before a port conflict is reported. */
    public static final int START_ATTEMPTS = 3;

    /**
     * Whether a start that failed should be tried again on fresh ports: one of its freely chosen ports is now in use
     * by someone else (a process outside RunOnce can bind it between the reservation and the server's bind).
     */
    public static boolean takenMeanwhile(List<Reservation> reservations) {
        return reservations.stream().anyMatch(reservation -> !isFree(reservation.port()));
    }

    /** A port that a server needs is in use. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }

    /** Fails with a message naming {@code port} and {@code server} when something already listens on it. */
    public static void requireFree(int port, String server) {
        if (!isFree(port)) {
            throw new PortInUseException(server + " cannot start: port " + port
                    + " is already in use by another process. Stop that process or configure another port"
                    + " (on Linux `ss -ltnp 'sport = :" + port + "'` shows who holds it).");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        return !acceptsConnections(port);
    }

    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The directory of the reservation files, shared by every RunOnce JVM of this user on the machine. */
    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "runonce-" + user, "ports");
    }

    private static Optional<Reservation> tryReserve(int port) {
        // lock files are never deleted: deleting one could let two JVMs lock different files of the same name
        return DirectoryLock.tryAcquire(directory().resolve(port + ".lock")).map(lock -> new Reservation(port, lock));
    }

    private static int[] range() {
        String configured = System.getProperty(RANGE_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return new int[] {FIRST, LAST};
        }
        String[] bounds = configured.strip().split("-");
        int first = bounds.length == 2 ? Integer.parseInt(bounds[0].strip()) : 0;
        int last = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : 0;
        if (first < 1024 || last > 65_535 || first > last) {
            throw new IllegalArgumentException(RANGE_PROPERTY + " must be first-last within 1024-65535: " + configured);
        }
        return new int[] {first, last};
    }
}
