package org.runonce.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code intake-submit} (issue 4): accepted submissions per second through the gateway with real JWTs, the whole
 * stack running, beside the raw insert rate of the platform's own PostgreSQL in the same run ({@link RawInserts}).
 * Each submission is a company registration accepted at once; its five materials were uploaded during setup.
 */
final class IntakeSubmissions {

    private final Benchmarks benchmarks;
    private final Benchmarks.Rounds r;
    private final int concurrency;

    IntakeSubmissions(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
        this.r = benchmarks.rounds();
        this.concurrency = benchmarks.option("concurrency", 16);
    }

    void run() throws Exception {
        try (LocalPlatform platform = Benchmarks.platform().start()) {
            Api api = new Api(platform);
            Api.Applicants applicants = api.demoApplicants();
            api.awaitCatalog(applicants.first());
            String application = acceptedApplication(api, applicants.first());

            // PostgreSQL first, while the services are idle: after the submissions, approval and notification are
            // still working through their backlog
            List<Load.Result> inserts = new RawInserts(platform.postgres())
                    .rounds(r.rounds(), concurrency, r.warmUp(), r.seconds(), application);
            Map<String, List<Load.Result>> figures = new LinkedHashMap<>();
            figures.put("POST application through the gateway (201 ACCEPTED)", submissions(api, applicants));
            figures.put(
                    "POST application straight at intake-service (201 ACCEPTED)",
                    submissions(new Api(platform, platform.serviceUrl(LocalPlatform.INTAKE)), applicants));
            figures.put(
                    "PostgreSQL raw INSERT, %d-byte jsonb row, 1 per transaction"
                            .formatted(application.getBytes(StandardCharsets.UTF_8).length),
                    inserts);

            benchmarks.report(
                    "median of %d rounds, %d concurrent clients, %d s each (%d s warm-up); materials uploaded in setup"
                            .formatted(
                                    r.rounds(),
                                    concurrency,
                                    r.seconds().toSeconds(),
                                    r.warmUp().toSeconds()),
                    figures);
        }
    }

    private List<Load.Result> submissions(Api api, Api.Applicants applicants) throws Exception {
        return Load.rounds(
                r.rounds(),
                concurrency,
                r.warmUp(),
                r.seconds(),
                () -> api.submit(applicants.next()).accepted());
    }

    /** An accepted application's view as intake answers it: the raw inserts write copies of it. */
    private static String acceptedApplication(Api api, Api.Applicant applicant) throws Exception {
        Api.Submitted submitted = api.submit(applicant);
        Api.Response view = api.get(api.token(applicant.user()), Api.APPLICATIONS + "/" + submitted.number());
        return api.json.writeValueAsString(view.body());
    }
}
