package org.runonce.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code ./runonce bench [scenario] [--rounds N] [--concurrency N] [--seconds N] [--warmup N] [--option value ...]}:
 * boots the platform on the local stack (free ports, throwaway data), runs the scenario and prints medians of N
 * rounds, the load average and the command to reproduce. Scenarios: {@code catalog-guide} (issue 3),
 * {@code intake-submit} ({@link IntakeSubmissions}, issue 4), {@code approval-queue} ({@link ApprovalQueue}, issue
 * 5), {@code end-to-end} ({@link EndToEnd}, issue 6), {@code submission-cost} ({@link SubmissionCost}, issue 14:
 * CPU milliseconds and database statements per accepted submission, per process). Figures and commands: {@code docs/benchmarks.md}.
 */
public final class Benchmarks {

    static final String GUIDE = "/api/catalog/items/samr-company-registration";
    static final String SCENARIOS = "catalog-guide, intake-submit, approval-queue, end-to-end, submission-cost";

    private final String scenario;
    private final Map<String, String> options;
    private final Map<String, String> used = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Benchmarks(String scenario, Map<String, String> options) {
        this.scenario = scenario;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String scenario = "catalog-guide";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                scenario = args[i];
            }
        }
        Benchmarks benchmarks = new Benchmarks(scenario, options);
        switch (scenario) {
            case "catalog-guide" -> benchmarks.catalogGuide();
            case "intake-submit" -> new IntakeSubmissions(benchmarks).run();
            case "approval-queue" -> new ApprovalQueue(benchmarks).run();
            case "end-to-end" -> new EndToEnd(benchmarks).run();
            case "submission-cost" -> new SubmissionCost(benchmarks).run();
            default -> {
                System.err.println("Unknown scenario '" + scenario + "'. Scenarios: " + SCENARIOS);
                System.exit(2);
            }
        }
    }

    int option(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    /** An option's value; every option read is repeated in the reproduce line. */
    String option(String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        used.put(name, value);
        return value;
    }

    /** Option {@code rates}: paced rates, submissions per second, separated by commas. */
    List<Integer> rates(String fallback) {
        return Stream.of(option("rates", fallback).split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    /** The options every scenario takes: measured rounds, and seconds of each and of the warm-up before the first. */
    record Rounds(int rounds, Duration seconds, Duration warmUp) {}

    Rounds rounds() {
        return new Rounds(
                option("rounds", 3),
                Duration.ofSeconds(option("seconds", 15)),
                Duration.ofSeconds(option("warmup", 15)));
    }

    /** The platform as every scenario boots it: test mode, and the gateway's per-client rate limit off. */
    static LocalPlatform.Builder platform() {
        return LocalPlatform.builder()
                .forTests()
                // a portal's callers come from many addresses; one load generator must not be throttled as one client
                .property(LocalPlatform.GATEWAY, "runonce.gateway.rate-limit.enabled", "false");
    }

    /** Reads of an item's guide in force: through the gateway, with revalidation, and straight at the service. */
    void catalogGuide() throws Exception {
        int rounds = option("rounds", 3);
        int concurrency = option("concurrency", 32);
        Duration seconds = Duration.ofSeconds(option("seconds", 15));
        Duration warmUp = Duration.ofSeconds(option("warmup", 10));

        try (LocalPlatform platform = platform().start()) {
            String gateway = platform.gatewayUrl();
            String catalog = platform.serviceUrl(LocalPlatform.CATALOG);
            String etag = awaitGuide(gateway + GUIDE);

            Map<String, List<Load.Result>> figures = new LinkedHashMap<>();
            figures.put(
                    "GET guide through the gateway (200, full body)",
                    Load.rounds(rounds, concurrency, warmUp, seconds, () -> get(gateway + GUIDE, null) == 200));
            figures.put(
                    "GET guide through the gateway, If-None-Match (304)",
                    Load.rounds(rounds, concurrency, warmUp, seconds, () -> get(gateway + GUIDE, etag) == 304));
            figures.put(
                    "GET guide straight from catalog-service (200)",
                    Load.rounds(rounds, concurrency, warmUp, seconds, () -> get(catalog + GUIDE, null) == 200));

            report(
                    "median of %d rounds, %d concurrent callers, %d s each"
                            .formatted(rounds, concurrency, seconds.toSeconds()),
                    figures);
        }
    }

    String awaitGuide(String url) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<Void> response =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return response.headers().firstValue("ETag").orElseThrow();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The demo catalog did not appear at " + url + " within 2 minutes");
    }

    int get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Prints each figure's median with its rounds, its throughput ratio to the first figure, and how to reproduce. */
    void report(String how, Map<String, List<Load.Result>> figures) {
        System.out.printf(
                "%n== %s: %s, %d cores, load average %s (load generator on the same machine)%n",
                scenario, how, Runtime.getRuntime().availableProcessors(), loadAverage());
        Load.Result first = null;
        for (var entry : figures.entrySet()) {
            Load.Result median = Load.median(entry.getValue());
            first = first == null ? median : first;
            System.out.printf("%-60s %s  ratio %.2f%n", entry.getKey(), median, median.perSecond() / first.perSecond());
            for (Load.Result round : entry.getValue()) {
                System.out.printf("%-60s   round: %s%n", "", round);
            }
        }
        StringBuilder reproduce = new StringBuilder("./runonce bench " + scenario);
        used.forEach((name, value) ->
                reproduce.append(" --").append(name).append(' ').append(value));
        System.out.println("Reproduce: " + reproduce);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
