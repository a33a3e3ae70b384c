package org.runonce.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop driver: starts a task at a steady rate, each on its own virtual thread, whether or not the earlier
 * ones have answered (a slow platform does not slow the arrivals down, so its latency shows). Each task measures
 * what it is about, from its scheduled start (no coordinated omission). Bounded: arrivals stop after warm-up plus
 * the measured part, and a task still unfinished after {@code grace} counts as a failure.
 */
final class Paced {

    /** One task; gets its scheduled start ({@link System#nanoTime()}), returns its latency in nanos or -1 if failed. */
    @FunctionalInterface
    interface Task {
        long call(long scheduledNanos) throws Exception;
    }

    private Paced() {}

    /** Runs {@code rounds} measured runs at one rate, the first after the warm-up, the others after 2 s. */
    static List<Load.Result> rounds(
            int rounds, double perSecond, Duration warmUp, Duration measured, Duration grace, Task task)
            throws Exception {
        List<Load.Result> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            results.add(run(perSecond, i == 0 ? warmUp : Duration.ofSeconds(2), measured, grace, task));
        }
        return results;
    }

    /** Tasks started during warm-up are run but not counted; the rate reported is counted successes per second. */
    static Load.Result run(double perSecond, Duration warmUp, Duration measured, Duration grace, Task task)
            throws Exception {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Future<Long>> counted = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long scheduled = start; scheduled < end; scheduled += interval) {
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long at = scheduled;
                Future<Long> future = threads.submit(() -> {
                    try {
                        return task.call(at);
                    } catch (Exception e) {
                        return -1L;
                    }
                });
                if (scheduled >= measureFrom) {
                    counted.add(future);
                }
            }
            long deadline = System.nanoTime() + grace.toNanos();
            long failures = 0;
            long[] samples = new long[counted.size()];
            int count = 0;
            for (Future<Long> future : counted) {
                long latency = latency(future, deadline);
                if (latency < 0) {
                    failures++;
                } else {
                    samples[count++] = latency;
                }
            }
            threads.shutdownNow();
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            Load.Result result = Load.result(sorted, failures, measured.toNanos());
            return new Load.Result(
                    counted.size(),
                    failures,
                    result.perSecond(),
                    result.p50Millis(),
                    result.p99Millis(),
                    result.maxMillis());
        }
    }

    private static long latency(Future<Long> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
