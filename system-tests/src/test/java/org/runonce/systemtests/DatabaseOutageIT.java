package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;
import org.runonce.localstack.postgres.EmbeddedPostgres;

/**
 * PostgreSQL, the one server every service's database lives on, stops for a minute while applicants keep submitting,
 * and comes back on the same port and data ({@code pg_ctl stop -m fast}: open connections are cut, new ones refused).
 * Submissions during the outage are refused; every one accepted before, around or after it is relayed from intake's
 * outbox, opens its case in approval once, reaches SAMR's department system once and is told to the applicant once;
 * no consumer dead-letters or parks anything, and no outbox keeps anything unsent.
 */
@ExtendWith(SharedPlatform.class)
class DatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final int BEFORE = 40;
    static final int AFTER = 10;
    static final Duration EVENTUALLY = Duration.ofMinutes(4);
    static final String SECRET = "samr-webhook-secret-for-the-outage";

    @Test
    void nothingAcceptedAroundAMinuteWithoutPostgresIsLostDeadLetteredOrRepeated(LocalPlatform platform)
            throws Exception {
        assumeThat(platform.postgres()).isInstanceOf(EmbeddedPostgres.class); // a container cannot be paused here
        EmbeddedPostgres postgres = (EmbeddedPostgres) platform.postgres();
        Instant started = Instant.now();
        Portal portal = new Portal(platform);
        String applicant = portal.token("zhang.san");
        String email = Portal.uniqueMailAddress("zhang.san");
        Burst burst = new Burst(portal, applicant, email);
        Load load = new Load(burst);

        try (WebhookReceiver samrSystem = new WebhookReceiver(SECRET)) {
            String subscription = portal.subscribe("samr-system", samrSystem, "org.runonce.approval.case.opened.v1");
            try {
                burst.warmUp();
                Instant stopped;
                Instant restarted;
                try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                    load.start(callers);
                    await().atMost(Duration.ofMinutes(3)).until(() -> load.acceptedCount() >= BEFORE);

                    stopped = Instant.now();
                    postgres.stopForNow();
                    try {
                        // held down for the whole minute while the callers go on: none of what they send meanwhile
                        // is accepted (nothing can be stored), each is answered with a refusal or runs out of time
                        await().during(OUTAGE)
                                .atMost(OUTAGE.plusSeconds(30))
                                .until(() -> load.acceptedSentAfter(stopped.plusSeconds(1)) == 0);
                    } finally {
                        postgres.start();
                        restarted = Instant.now();
                    }
                    assertThat(load.refused())
                            .as("submissions refused during the outage")
                            .isPositive();

                    await().atMost(Duration.ofMinutes(3)).until(() -> load.acceptedSentAfter(restarted) >= AFTER);
                    load.stop();
                }
                Set<String> accepted = load.accepted();
                assertThat(load.acceptedSentAfter(restarted)).isGreaterThanOrEqualTo(AFTER);

                // intake relayed every acceptance and approval opened each case once
                await().atMost(EVENTUALLY)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(Burst.openedCases(platform, accepted))
                                .isEqualTo(accepted.size()));
                // SAMR's system received each case opened under one CloudEvent id
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(Burst.openedCaseIds(samrSystem, accepted))
                                .hasSize(accepted.size())
                                .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));
                // the applicant was told of each acceptance once, in the inbox and by mail
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    assertThat(Burst.inboxAcceptances(platform, accepted)).isEqualTo(accepted.size());
                    assertThat(Burst.acceptanceMailIds(portal, email, accepted))
                            .hasSize(accepted.size())
                            .allSatisfy((subject, ids) -> assertThat(ids).hasSize(1));
                });
                // nothing left in an outbox, nothing parked, nothing on a dead-letter topic
                Leftovers.awaitRelayed(platform, started, Duration.ofMinutes(2));
                assertThat(Leftovers.parkedSince(platform, started))
                        .as("records parked by a consumer since the test started")
                        .allSatisfy((database, count) -> assertThat(count).isZero());
                assertThat(Leftovers.deadLettersSince(platform, started))
                        .as("dead letters since the test started")
                        .allSatisfy((topic, count) -> assertThat(count).isZero());
                System.out.printf(
                        "DatabaseOutageIT: %d accepted, %d refused, PostgreSQL down %d s%n",
                        accepted.size(),
                        load.refused(),
                        Duration.between(stopped, restarted).toSeconds());
            } finally {
                if (!postgres.isRunning()) {
                    postgres.start();
                }
                portal.unsubscribe("samr-system", subscription);
            }
        }
    }

    /**
     * Applicants submitting without a pause, {@link Burst#CONCURRENT_CALLERS} at a time, until stopped: each accepted
     * application noted with the time its request was sent; each refusal counted, and followed by the pause a client
     * takes before trying again ({@code Retry-After}, else a second), so that a breaker answering at once is not
     * hammered.
     */
    static final class Load {

        private final Burst burst;
        private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();

        Load(Burst burst) {
            this.burst = burst;
        }

        void start(ExecutorService callers) {
            for (int i = 0; i < Burst.CONCURRENT_CALLERS; i++) {
                callers.submit(this::submitUntilStopped);
            }
        }

        void stop() {
            stopped.set(true);
        }

        private Void submitUntilStopped() throws InterruptedException {
            while (!stopped.get()) {
                Instant sent = Instant.now();
                String retryAfter = null;
                try {
                    Http.Response response = burst.submitPolitely();
                    if (response.status() == 201
                            && response.json().path("status").asString().equals("ACCEPTED")) {
                        accepted.put(response.json().path("number").asString(), sent);
                        continue;
                    }
                    retryAfter = response.header("Retry-After");
                } catch (RuntimeException e) {
                    // the request ran out of time: the service waited for a database connection
                }
                refused.incrementAndGet();
                // the client's pause before trying again, not a wait of the test
                Thread.sleep(Duration.ofSeconds(
                        retryAfter != null && retryAfter.matches("\\d{1,2}") ? Long.parseLong(retryAfter) : 1));
            }
            return null;
        }

        int acceptedCount() {
            return accepted.size();
        }

        long acceptedSentAfter(Instant instant) {
            return accepted.values().stream()
                    .filter(sent -> sent.isAfter(instant))
                    .count();
        }

        int refused() {
            return refused.get();
        }

        Set<String> accepted() {
            return Set.copyOf(accepted.keySet());
        }
    }
}
