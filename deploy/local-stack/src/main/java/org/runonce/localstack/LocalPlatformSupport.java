package org.runonce.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers of the Keycloak and service launchers: ports, process trees, log tails, the repository root. */
final class LocalPlatformSupport {

    /** Put on the command line of every process the launchers start, with the owning JVM's pid. */
    static final String OWNER_PROPERTY = "runonce.owner";

    private LocalPlatformSupport() {}

    /** Fails with a message naming {@code port} and {@code component} when the port is taken. */
    static void requirePortFree(int port, String component) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(component + " cannot start: port " + port + " is already in use by"
                    + " another process. Stop that process (on Linux `ss -ltnp 'sport = :" + port
                    + "'` shows it) or, if it is an earlier RunOnce still running, stop that first.");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free local port", e);
        }
    }

    /** SIGTERM to the process and its descendants, SIGKILL for what is left after {@code grace}. */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // forced below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // nothing more we can do
            }
        });
    }

    /** {@code -Drunonce.owner=<this pid>:<runonce home>}, the mark by which orphans are found. */
    static String ownerMark(Path runonceHome) {
        return "-D" + OWNER_PROPERTY + "=" + ProcessHandle.current().pid() + ":" + runonceHome;
    }

    /**
     * Ends processes that a launcher JVM, since killed, started for {@code runonceHome}: their command line carries
     * {@link #ownerMark} with the pid of a JVM that no longer runs.
     */
    static void endOrphans(Path runonceHome) {
        String suffix = ":" + runonceHome;
        String prefix = "-D" + OWNER_PROPERTY + "=";
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .flatMap(line -> owner(line, prefix, suffix))
                        .map(owner -> ProcessHandle.of(owner)
                                .filter(ProcessHandle::isAlive)
                                .isEmpty())
                        .orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            System.out.println("Stopping " + orphan.info().command().orElse("process") + " (pid " + orphan.pid()
                    + "), left running by an earlier launcher that was killed.");
            terminate(orphan, Duration.ofSeconds(20));
        }
    }

    private static Optional<Long> owner(String commandLine, String prefix, String suffix) {
        int start = commandLine.indexOf(prefix);
        while (start >= 0) {
            int from = start + prefix.length();
            int colon = commandLine.indexOf(':', from);
            if (colon > from && commandLine.startsWith(suffix, colon)) {
                int end = colon + suffix.length();
                if (end == commandLine.length() || Character.isWhitespace(commandLine.charAt(end))) {
                    try {
                        return Optional.of(Long.parseLong(commandLine.substring(from, colon)));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            start = commandLine.indexOf(prefix, from);
        }
        return Optional.empty();
    }

    /** A message followed by the last lines of {@code log} and its path. */
    static String withLogTail(String message, Path log) {
        String tail;
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = Math.max(0, bytes.length - 16 * 1024);
            List<String> lines = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            tail = String.join(
                    System.lineSeparator() + "    ", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(no log: " + e.getMessage() + ")";
        }
        return message + System.lineSeparator() + "Last lines of " + log + ":" + System.lineSeparator() + "    "
                + tail;
    }

    /** The RunOnce repository: the nearest directory at or above the working directory holding {@code mvnw}. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the RunOnce repository: no directory at or above " + start
                + " contains mvnw. Run ./runonce start from the repository.");
    }

    /** {@code ${runonce.home}}, else {@code <cwd>/.runonce}. */
    static Path runonceHome() {
        String configured = System.getProperty("runonce.home");
        Path home = configured == null || configured.isBlank() ? Path.of(".runonce") : Path.of(configured);
        return home.toAbsolutePath().normalize();
    }

    static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
