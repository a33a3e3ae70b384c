package org.runonce.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code concurrency} virtual threads call the request as fast as it answers for a
 * warm-up, then for the measured duration; latencies of the measured part go into per-thread arrays, merged at the
 * end. Bounded in time and count: it stops by itself.
 */
final class Load {

    /** One call; returns true when the answer was the expected one. */
    @FunctionalInterface
    interface Request {
        boolean call() throws Exception;
    }

    /** Figures of one measured run. */
    record Result(
            long requests, long failures, double perSecond, double p50Millis, double p99Millis, double maxMillis) {

        @Override
        public String toString() {
            return "%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d failures)"
                    .formatted(perSecond, p50Millis, p99Millis, maxMillis, requests, failures);
        }
    }

    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

    private Load() {}

    static Result run(int concurrency, Duration warmUp, Duration measured, Request request) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong failures = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    Samples samples = new Samples();
                    while (!stop.get() && samples.count < MAX_SAMPLES_PER_THREAD) {
                        long started = System.nanoTime();
                        boolean ok = succeeds(request);
                        long took = System.nanoTime() - started;
                        if (measuring.get()) {
                            samples.add(took, ok, failures);
                        }
                    }
                    return samples.toArray();
                }));
            }
            Thread.sleep(warmUp);
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(measured);
            measuring.set(false);
            long elapsed = System.nanoTime() - started;
            stop.set(true);
            return result(merge(workers), failures.get(), elapsed);
        }
    }

    /** One call on an item of work. */
    @FunctionalInterface
    interface Work<T> {
        boolean call(T item) throws Exception;
    }

    /**
     * A closed loop over a fixed amount of work: {@code concurrency} virtual threads take items until none is left;
     * the throughput is items per second until the last call answered.
     */
    static <T> Result drain(int concurrency, Queue<T> items, Work<T> work) throws Exception {
        AtomicLong failures = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    Samples samples = new Samples();
                    for (T item = items.poll(); item != null; item = items.poll()) {
                        T current = item;
                        long callStarted = System.nanoTime();
                        boolean ok = succeeds(() -> work.call(current));
                        samples.add(System.nanoTime() - callStarted, ok, failures);
                    }
                    return samples.toArray();
                }));
            }
            long[] all = merge(workers);
            return result(all, failures.get(), System.nanoTime() - started);
        }
    }

    /** Figures of sorted latency samples in nanoseconds, taken over {@code elapsedNanos}. */
    static Result result(long[] sorted, long failures, long elapsedNanos) {
        return new Result(
                sorted.length,
                failures,
                sorted.length / (elapsedNanos / 1e9),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static long[] merge(List<Future<long[]>> workers) {
        return workers.stream()
                .map(Load::join)
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
    }

    /** Runs {@code rounds} measured runs and returns them; the caller reports the median. */
    static List<Result> rounds(int rounds, int concurrency, Duration warmUp, Duration measured, Request request)
            throws Exception {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            results.add(run(concurrency, i == 0 ? warmUp : Duration.ofSeconds(2), measured, request));
        }
        return results;
    }

    /** The run with the median throughput. */
    static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        return sorted.get(sorted.size() / 2);
    }

    private static boolean succeeds(Request request) {
        try {
            return request.call();
        } catch (Exception e) {
            return false;
        }
    }

    /** One worker's latencies, in nanoseconds. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int count;

        void add(long nanos, boolean ok, AtomicLong failures) {
            if (!ok) {
                failures.incrementAndGet();
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, count);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static long[] join(Future<long[]> worker) {
        try {
            return worker.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
