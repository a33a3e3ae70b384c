package org.runonce.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Notes when cases become visible to a reviewer, with a bounded polling load: every {@code interval} one thread asks
 * {@code GET /api/approval/cases/{n}} for the {@value #WINDOW} oldest cases not seen yet, in parallel. Cases open
 * roughly in acceptance order (approval consumes intake's topic in order per partition), so the oldest are the
 * ones due; a case opened out of order behind them is seen late, which only makes the figure pessimistic. The
 * resolution is the interval plus one GET. (A poller per case would flood the gateway as soon as a backlog forms.)
 */
final class CaseWatch implements AutoCloseable {

    static final int WINDOW = 10;

    private final Api api;
    private final String reviewer;
    private final Duration interval;
    private final Map<String, CompletableFuture<Long>> pending = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;

    CaseWatch(Api api, String reviewer, Duration interval) {
        this.api = api;
        this.reviewer = reviewer;
        this.interval = interval;
        threads.submit(this::poll);
    }

    /** Completes with the {@link System#nanoTime()} at which the case first answered 200. */
    synchronized CompletableFuture<Long> watch(String caseNumber) {
        return pending.computeIfAbsent(caseNumber, n -> new CompletableFuture<>());
    }

    /** Stops watching a case its caller gave up on, so that it does not hold the window. */
    synchronized void forget(String caseNumber) {
        pending.remove(caseNumber);
    }

    private Void poll() throws Exception {
        while (running) {
            List<String> oldest;
            synchronized (this) {
                oldest = pending.keySet().stream().limit(WINDOW).toList();
            }
            List<Future<Boolean>> answers = new ArrayList<>();
            for (String caseNumber : oldest) {
                answers.add(threads.submit(() -> api.status(api.token(reviewer), Api.CASES + caseNumber) == 200));
            }
            for (int i = 0; i < oldest.size(); i++) {
                if (seen(answers.get(i))) {
                    long at = System.nanoTime();
                    CompletableFuture<Long> future;
                    synchronized (this) {
                        future = pending.remove(oldest.get(i));
                    }
                    future.complete(at);
                }
            }
            Thread.sleep(interval);
        }
        return null;
    }

    private static boolean seen(Future<Boolean> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        threads.shutdownNow();
    }
}
