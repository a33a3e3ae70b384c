package org.runonce.localstack.platform;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Running start and stop steps in parallel, and timing them. */
final class Tasks {

    private Tasks() {}

    /** Runs the tasks in parallel and rethrows the first failure once all have ended. */
    static void parallel(List<Runnable> tasks) {
        List<CompletableFuture<Void>> futures = tasks.stream()
                .map(task -> CompletableFuture.runAsync(
                        task, r -> Thread.ofPlatform().daemon().start(r)))
                .toList();
        Throwable first = null;
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                first = first == null ? e.getCause() : first;
            }
        }
        if (first != null) {
            throw asRuntime(first);
        }
    }

    static RuntimeException asRuntime(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** {@code 12.3 s}. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** {@code text} padded to {@code width} columns (ideographs count two). */
    static String pad(String text, int width) {
        int length =
                text.codePoints().map(c -> Character.isIdeographic(c) ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, width - length));
    }

    /** A progress line for a component that is up. */
    static String done(String component, String where, long startedNanos) {
        return "  ✔ " + pad(component, 22) + where + "  (" + seconds(System.nanoTime() - startedNanos) + ")";
    }
}
