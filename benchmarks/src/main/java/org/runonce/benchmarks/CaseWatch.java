package org.runonce.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Notes when cases become visible in a reviewer's department queue, the way a desk client follows new arrivals: one
 * thread asks {@code GET /api/approval/cases?since=} for the cases opened since the oldest watched submission was
 * sent (less a second for clock skew: a case opens after its submission was sent, so none is missed), pages of
 * {@value #PAGE}, and completes the watched ones it finds; then waits {@code interval} and asks again. One request at
 * a time, so the polling load stays bounded however far the platform falls behind. The resolution is the interval
 * plus one round of pages.
 */
final class CaseWatch implements AutoCloseable {

    static final int PAGE = 500;
    private static final Duration SKEW = Duration.ofSeconds(1);

    private record Watched(Instant sent, CompletableFuture<Long> seen) {}

    private final Api api;
    private final String reviewer;
    private final Duration interval;
    private final Map<String, Watched> pending = new HashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    CaseWatch(Api api, String reviewer, Duration interval) {
        this.api = api;
        this.reviewer = reviewer;
        this.interval = interval;
        poller = Thread.ofVirtual().name("case-watch").start(this::poll);
    }

    /**
     * Completes with the {@link System#nanoTime()} at which the case was first listed in the queue.
     *
     * @param sent when the submission that opens the case was sent
     */
    synchronized CompletableFuture<Long> watch(String caseNumber, Instant sent) {
        return pending.computeIfAbsent(caseNumber, n -> new Watched(sent, new CompletableFuture<>()))
                .seen();
    }

    /** Stops watching a case its caller gave up on, so that it no longer holds the queue's window open. */
    synchronized void forget(String caseNumber) {
        pending.remove(caseNumber);
    }

    private void poll() {
        while (running) {
            Instant since;
            synchronized (this) {
                since = pending.values().stream()
                        .map(Watched::sent)
                        .min(Instant::compareTo)
                        .map(s -> s.minus(SKEW))
                        .orElse(null);
            }
            for (int page = 0; since != null; page++) {
                Api.Response answer;
                try {
                    answer = api.get(
                            api.token(reviewer), Api.QUEUE + "?since=" + since + "&size=" + PAGE + "&page=" + page);
                } catch (Exception e) {
                    break; // asked again after the interval
                }
                long at = System.nanoTime();
                if (answer.status() != 200 || answer.body() == null) {
                    break;
                }
                for (JsonNode entry : answer.body()) {
                    Watched watched;
                    synchronized (this) {
                        watched = pending.remove(entry.get("number").asString());
                    }
                    if (watched != null) {
                        watched.seen().complete(at);
                    }
                }
                if (answer.body().size() < PAGE) {
                    break;
                }
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
