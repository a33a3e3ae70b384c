package org.runonce.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the watchdog JVM that {@link Watchdog} starts beside a JVM that runs servers: it ends those servers
 * (each with its descendants) when that JVM is gone, however it ended, even by {@code kill -9}. It runs from this one
 * class file, so it uses the JDK only.
 *
 * <p>Its standard input is a pipe from the owner: lines {@code watch <pid> <TERM|INT>} and {@code forget <pid>}. End
 * of input means the owner is gone (the OS closes the pipe when it dies); a process that is still watched then gets
 * its signal (SIGINT is PostgreSQL's fast shutdown), and SIGKILL after the grace period.
 */
public final class WatchdogMain {

    private WatchdogMain() {}

    /** Arguments: the owner's pid and the grace period in seconds. */
    public static void main(String[] args) throws InterruptedException {
        long owner = Long.parseLong(args[0]);
        Duration grace = Duration.ofSeconds(Long.parseLong(args[1]));
        ignoreTerminalSignals();
        Map<Long, String> watched = new ConcurrentHashMap<>();
        CountDownLatch inputEnded = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(watched, inputEnded), "runonce-watchdog-input");
        reader.setDaemon(true);
        reader.start();
        // the end of input is the signal; the owner's exit is a backup in case a stray process holds the pipe open
        ProcessHandle.of(owner).ifPresent(handle -> handle.onExit().join());
        if (!inputEnded.await(2, TimeUnit.SECONDS)) {
            log("owner " + owner + " exited but its pipe is still open; acting on what it sent");
        }
        end(watched, grace);
        System.exit(0);
    }

    private static void read(Map<Long, String> watched, CountDownLatch inputEnded) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.strip().split(" ");
                if (words.length == 3 && words[0].equals("watch")) {
                    watched.put(Long.parseLong(words[1]), words[2]);
                } else if (words.length == 2 && words[0].equals("forget")) {
                    watched.remove(Long.parseLong(words[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            log("reading the owner's pipe failed: " + e);
        } finally {
            inputEnded.countDown();
        }
    }

    private static void end(Map<Long, String> watched, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        watched.forEach((pid, signal) -> ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .ifPresent(process -> {
                    List<ProcessHandle> descendants = process.descendants().toList();
                    log("owner gone: sending SIG" + signal + " to " + pid + " "
                            + process.info().command().orElse("") + " and " + descendants.size() + " descendant(s)");
                    if (signal.equals("INT")) {
                        interrupt(process); // its children are its own workers; it ends them
                    } else {
                        process.destroy();
                        descendants.forEach(ProcessHandle::destroy);
                    }
                    all.add(process);
                    all.addAll(descendants);
                }));
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle process : all) {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                process.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // forced below
            }
        }
        for (ProcessHandle process : all) {
            if (process.isAlive()) {
                log("SIGKILL to " + process.pid() + ", still running after " + grace.toSeconds() + " s");
                process.destroyForcibly();
            }
        }
    }

    private static void interrupt(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the whole process group, this JVM included; it stays to end what the
     * owner's own shutdown may leave behind. (SIGTERM still ends it.)
     */
    private static void ignoreTerminalSignals() {
        for (String name : List.of("INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (RuntimeException | LinkageError e) {
                // not supported here: the owner's shutdown then does all the work
            }
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }
}
