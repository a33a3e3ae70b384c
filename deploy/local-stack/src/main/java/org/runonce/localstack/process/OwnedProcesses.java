package org.runonce.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Processes the launchers start: ending a process tree, the owner mark, and ending orphans of killed launchers. */
public final class OwnedProcesses {

    /** Put on the command line of every process the launchers start, with the owning JVM's pid. */
    static final String OWNER_PROPERTY = "runonce.owner";

    private OwnedProcesses() {}

    /** SIGTERM to the process and its descendants, SIGKILL for what is left after {@code grace}. */
    public static void terminate(ProcessHandle process, Duration grace) {
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
        tree.stream().filter(ProcessHandle::isAlive).forEach(OwnedProcesses::kill);
    }

    /** SIGKILL to the process and its descendants at once (no SIGTERM first); returns when they are gone. */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process);
        tree.forEach(ProcessHandle::destroyForcibly);
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
    public static String ownerMark(Path runonceHome) {
        return "-D" + OWNER_PROPERTY + "=" + ProcessHandle.current().pid() + ":" + runonceHome;
    }

    /**
     * Ends processes that a launcher JVM, since killed, started for {@code runonceHome}: their command line carries
     * {@link #ownerMark} with the pid of a JVM that no longer runs.
     */
    public static void endOrphans(Path runonceHome) {
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
}
