package org.runonce.localstack.process;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers to find and end server processes left behind by a JVM that was killed. */
public final class Processes {

    private Processes() {}

    /**
     * The live process {@code pid} if its command line contains {@code marker}. A process whose command line the
     * OS does not reveal is not ours to end, so it is not returned.
     */
    public static Optional<ProcessHandle> alive(long pid, String marker) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .or(() -> handle.info().command())
                        .map(line -> line.contains(marker))
                        .orElse(false));
    }

    /** Waits up to {@code timeout} for {@code process} to end; true if it did. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL when the process has not ended within {@code grace}. */
    public static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }
}
