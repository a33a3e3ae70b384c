package org.runonce.localstack.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.OwnedProcesses;
import org.runonce.localstack.process.Ports;
import org.runonce.localstack.process.Watchdog;

/**
 * One Spring Boot application of the platform (a service or the gateway) in a JVM of its own, started from its
 * executable jar with the local stack's addresses as command line properties, logging to its own file.
 */
public final class ServiceProcess {

    /**
     * How long a graceful stop may take before SIGKILL: the platform as a whole stops within 30 s. A JVM still writing
     * its start-up cache then is killed; the next start writes the cache again.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final int port;
    private final String healthPath;
    private final List<String> command;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private boolean started;
    private volatile boolean stopping;

    public ServiceProcess(String name, int port, String healthPath, List<String> command, Path logFile) {
        this.name = name;
        this.port = port;
        this.healthPath = healthPath;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Spawns the JVM; the first start of this object truncates the log, restarts append to it. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Ports.requireFree(port, name);
        LocalFiles.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(
                started
                        ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        started = true;
        stopping = false;
        Process current = process;
        Watchdog.watch(current.toHandle(), Watchdog.Signal.TERM);
        // Reported a moment later: Ctrl-C in a terminal reaches every child at once, before the launcher's shutdown
        // hook has marked them as stopping.
        current.onExit()
                .thenRunAsync(() -> {}, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))
                .thenRun(() -> {
                    if (!stopping && current == currentProcess()) {
                        System.out.println("!! " + name + " exited unexpectedly with code " + current.exitValue()
                                + "; see " + logFile);
                    }
                });
    }

    private synchronized Process currentProcess() {
        return process;
    }

    /** Waits until the health endpoint answers 200; fails with the log tail when the JVM exits or time runs out. */
    public void awaitReady(Duration timeout) {
        URI health = URI.create(url() + healthPath);
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer";
        while (true) {
            Process current = currentProcess();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(LocalFiles.withLogTail(
                        name + " failed to start" + (current == null ? "" : " (exit code " + current.exitValue() + ")")
                                + ".",
                        logFile));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(LocalFiles.withLogTail(
                        name + " was not ready within " + timeout.toSeconds() + " s (" + health + ": " + lastAnswer
                                + ").",
                        logFile));
            }
            try {
                current.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    /** Marks the application as being stopped on purpose, so that its exit is not reported. */
    public void stopping() {
        stopping = true;
    }

    /** SIGTERM (graceful shutdown, then the start-up cache is written if due), SIGKILL after 20 s. Idempotent. */
    public void stop() {
        Process current;
        synchronized (this) {
            current = process;
            stopping = true;
        }
        if (current != null) {
            OwnedProcesses.terminate(current.toHandle(), STOP_GRACE);
        }
    }

    /**
     * SIGKILL, as a crash or the out-of-memory killer ends a JVM: no shutdown hook, no graceful stop, nothing
     * flushed. Returns once the process is gone. Idempotent.
     */
    public void kill() {
        Process current;
        synchronized (this) {
            current = process;
            stopping = true;
        }
        if (current != null) {
            OwnedProcesses.kill(current.toHandle());
        }
    }

    /** The command line, for messages and tests. */
    List<String> command() {
        return new ArrayList<>(command);
    }

    @Override
    public String toString() {
        return name + " " + url();
    }
}
