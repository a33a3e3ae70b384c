package org.runonce.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.runonce.localstack.LocalPlatform;

/**
 * {@code end-to-end} (issue 6): from a submission sent through the gateway to SAMR's webhook receiving the
 * {@code case.opened} CloudEvent of its case (intake, outbox, Kafka, approval, outbox, Kafka, notification, webhook
 * dispatcher), at steady (paced) rates, with all five applications and Kafka, PostgreSQL and Keycloak on this
 * machine. {@code --dispatcher-interval} sets notification's webhook dispatcher interval for the run (default 2s).
 */
final class EndToEnd {

    static final String CASE_OPENED = "org.runonce.approval.case.opened.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Benchmarks benchmarks;

    EndToEnd(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    void run() throws Exception {
        Benchmarks.Rounds r = benchmarks.rounds();
        List<Integer> rates = benchmarks.rates("25,50");
        String interval = benchmarks.option("dispatcher-interval", "2s");

        String secret = "bench-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(secret);
                LocalPlatform platform = Benchmarks.platform()
                        .property(
                                LocalPlatform.NOTIFICATION,
                                "runonce.notification.webhooks.dispatcher.interval",
                                interval)
                        .start()) {
            Api api = new Api(platform);
            Api.Response subscription = api.post(
                    api.systemToken("samr-system", "samr-system-secret"),
                    "/api/notifications/subscriptions",
                    Map.of(
                            "callbackUrl",
                            receiver.callbackUrl(),
                            "eventTypes",
                            List.of(CASE_OPENED),
                            "secret",
                            secret));
            if (subscription.status() != 201) {
                throw new IllegalStateException("Subscription refused: " + subscription);
            }
            Api.Applicants applicants = api.demoApplicants();
            api.awaitCatalog(applicants.first());

            Paced.Task delivered = scheduled -> {
                Api.Submitted submitted = api.submit(applicants.next());
                if (!submitted.accepted()) {
                    return -1;
                }
                long arrived = receiver.arrival(submitted.firstCase()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                return arrived - scheduled;
            };
            Map<String, List<Load.Result>> figures = new LinkedHashMap<>();
            for (int rate : rates) {
                figures.put(
                        "paced %d/s: submission sent -> case.opened at the webhook".formatted(rate),
                        Paced.rounds(r.rounds(), rate, r.warmUp(), r.seconds(), WAIT, delivered));
            }
            System.out.println(receiver);
            benchmarks.report(
                    "median of %d rounds of %d s per rate (%d s warm-up), webhook dispatcher every %s"
                            .formatted(
                                    r.rounds(),
                                    r.seconds().toSeconds(),
                                    r.warmUp().toSeconds(),
                                    interval),
                    figures);
        }
    }
}
