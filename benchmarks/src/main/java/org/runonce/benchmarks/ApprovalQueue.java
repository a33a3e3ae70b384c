package org.runonce.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code approval-queue} (issue 5): at a steady (paced) rate of submissions, the time from a submission's 201
 * ACCEPTED answer until its case is listed in SAMR's queue as SAMR's reviewer reads it
 * ({@code GET /api/approval/cases?since=}, polled by {@link CaseWatch}); then, once the platform has had
 * {@code --settle-seconds} to finish the work the submissions left behind, the cases so opened are reviewed up to the
 * decision step (start-review, advance: setup) and approved by concurrent callers with the reviewer's token, for
 * decisions per second.
 */
final class ApprovalQueue {

    private static final String REVIEWER = "reviewer.samr";
    // a task waits at most 30 s for its case; arrivals have stopped by then
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(40);
    private static final Map<String, Object> APPROVAL = Map.of(
            "reason",
            "材料齐全，符合法定形式",
            "certificate",
            Map.of(
                    "holderName", "杭州基准科技有限公司",
                    "holderIdNumber", "91330100MA2TEST01X",
                    "content", Map.of("registeredCapital", "100万元")));

    private final Benchmarks benchmarks;

    ApprovalQueue(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    void run() throws Exception {
        Benchmarks.Rounds r = benchmarks.rounds();
        List<Integer> rates = benchmarks.rates("20,100");
        Duration poll = Duration.ofMillis(benchmarks.option("poll-ms", 50));
        int concurrency = benchmarks.option("concurrency", 16);
        int decisions = benchmarks.option("decisions", 1500);
        // the mail, progress and webhook work the submissions caused goes on after the last case was seen
        Duration settle = Duration.ofSeconds(benchmarks.option("settle-seconds", 20));

        try (LocalPlatform platform = Benchmarks.platform().start()) {
            Api api = new Api(platform);
            Api.Applicants applicants = api.demoApplicants();
            api.awaitCatalog(applicants.first());

            Queue<String> opened = new ConcurrentLinkedQueue<>();
            Map<String, List<Load.Result>> visibility = new LinkedHashMap<>();
            try (CaseWatch watch = new CaseWatch(api, REVIEWER, poll)) {
                Paced.Task visible = scheduled -> {
                    Instant sent = Instant.now();
                    Api.Submitted submitted = api.submit(applicants.next());
                    if (!submitted.accepted()) {
                        return -1;
                    }
                    long accepted = System.nanoTime();
                    try {
                        long seen = watch.watch(submitted.firstCase(), sent).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                        opened.add(submitted.firstCase());
                        return seen - accepted;
                    } catch (TimeoutException e) {
                        watch.forget(submitted.firstCase());
                        return -1;
                    }
                };
                for (int rate : rates) {
                    visibility.put(
                            "paced %d/s: 201 ACCEPTED -> case visible to the SAMR reviewer".formatted(rate),
                            Paced.rounds(r.rounds(), rate, r.warmUp(), r.seconds(), GRACE, visible));
                }
            }
            benchmarks.report(
                    "median of %d rounds of %d s per rate (%d s warm-up); the queue's new arrivals polled every %d ms"
                            .formatted(
                                    r.rounds(),
                                    r.seconds().toSeconds(),
                                    r.warmUp().toSeconds(),
                                    poll.toMillis()),
                    visibility);

            Thread.sleep(settle);
            Map<String, List<Load.Result>> figures = new LinkedHashMap<>();
            List<Load.Result> preparing = new ArrayList<>();
            List<Load.Result> approving = new ArrayList<>();
            int perRound = Math.min(decisions, opened.size()) / r.rounds();
            for (int i = 0; i < r.rounds(); i++) {
                Queue<String> cases = new ConcurrentLinkedQueue<>();
                while (cases.size() < perRound && !opened.isEmpty()) {
                    cases.add(opened.poll());
                }
                Queue<String> prepared = new ConcurrentLinkedQueue<>();
                preparing.add(Load.drain(concurrency, cases, n -> prepare(api, n) && prepared.add(n)));
                approving.add(Load.drain(concurrency, prepared, n -> approve(api, n)));
            }
            figures.put("POST approve, case at its decision step (200 APPROVED)", approving);
            figures.put("setup: POST start-review + advance, per case", preparing);
            benchmarks.report(
                    "median of %d rounds of %d prepared cases each, %d concurrent callers with %s's token, %d s after the submissions"
                            .formatted(r.rounds(), perRound, concurrency, REVIEWER, settle.toSeconds()),
                    figures);
        }
    }

    private static boolean prepare(Api api, String caseNumber) throws Exception {
        String reviewer = api.token(REVIEWER);
        return api.post(reviewer, Api.CASES + caseNumber + "/start-review", Map.of())
                                .status()
                        == 200
                && api.post(reviewer, Api.CASES + caseNumber + "/advance", Map.of("note", "审查通过"))
                                .status()
                        == 200;
    }

    private static boolean approve(Api api, String caseNumber) throws Exception {
        Api.Response response = api.post(api.token(REVIEWER), Api.CASES + caseNumber + "/approve", APPROVAL);
        return response.status() == 200 && "APPROVED".equals(response.text("status"));
    }
}
