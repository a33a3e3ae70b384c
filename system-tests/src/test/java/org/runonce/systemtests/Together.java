package org.runonce.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.runonce.localstack.LocalPlatform;

/** Blocking steps run at once, such as services booting (a JVM's start-up keeps one core busy at a time). */
final class Together {

    private Together() {}

    /** Runs every step in its own virtual thread; returns their results once all are done, or throws the first failure. */
    static <T> List<T> run(List<Callable<T>> steps) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> step : steps) {
                running.add(threads.submit(step));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> step : running) {
                results.add(step.get());
            }
            return results;
        }
    }

    /** Starts the given stopped services at once and returns when all are ready. */
    static void start(LocalPlatform platform, List<String> services) throws Exception {
        run(services.stream()
                .<Callable<Void>>map(service -> () -> {
                    platform.startService(service);
                    return null;
                })
                .toList());
    }

    /** Starts one more instance of each service at once; returns their names, in order, when all are ready. */
    static List<String> startInstances(LocalPlatform platform, List<String> services) throws Exception {
        return run(services.stream()
                .<Callable<String>>map(service -> () -> platform.startInstance(service))
                .toList());
    }
}
