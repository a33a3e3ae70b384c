package org.runonce.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code ./runonce bench [scenario] [--rounds N] [--concurrency N] [--seconds N] [--warmup N]}: boots the platform on
 * the local stack (free ports, throwaway data), runs the scenario and prints medians of N rounds. Scenarios:
 * {@code catalog-guide}.
 */
public final class Benchmarks {

    static final String GUIDE = "/api/catalog/items/samr-company-registration";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Benchmarks(Map<String, String> options) {
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
        Benchmarks benchmarks = new Benchmarks(options);
        switch (scenario) {
            case "catalog-guide" -> benchmarks.catalogGuide();
            default -> {
                System.err.println("Unknown scenario '" + scenario + "'. Scenarios: catalog-guide");
                System.exit(2);
            }
        }
    }

    int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    /** Reads of an item's guide in force: through the gateway, with revalidation, and straight at the service. */
    void catalogGuide() throws Exception {
        int rounds = option("rounds", 3);
        int concurrency = option("concurrency", 32);
        Duration seconds = Duration.ofSeconds(option("seconds", 15));
        Duration warmUp = Duration.ofSeconds(option("warmup", 10));

        try (LocalPlatform platform = LocalPlatform.builder()
                .forTests()
                // a portal's readers come from many addresses; one load generator must not be throttled as one client
                .property(LocalPlatform.GATEWAY, "runonce.gateway.rate-limit.enabled", "false")
                .start()) {
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

            report("catalog-guide", rounds, concurrency, seconds, figures);
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

    static void report(
            String scenario, int rounds, int concurrency, Duration seconds, Map<String, List<Load.Result>> figures) {
        System.out.printf(
                "%n== %s: median of %d rounds, %d concurrent callers, %d s each, %d cores (load generator on the"
                        + " same machine)%n",
                scenario,
                rounds,
                concurrency,
                seconds.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        Load.Result first = null;
        for (var entry : figures.entrySet()) {
            Load.Result median = Load.median(entry.getValue());
            first = first == null ? median : first;
            System.out.printf("%-52s %s  ratio %.2f%n", entry.getKey(), median, median.perSecond() / first.perSecond());
            for (Load.Result round : entry.getValue()) {
                System.out.printf("%-52s   round: %s%n", "", round);
            }
        }
        System.out.printf(
                "Reproduce: ./runonce bench %s --rounds %d --concurrency %d --seconds %d%n",
                scenario, rounds, concurrency, seconds.toSeconds());
    }
}
