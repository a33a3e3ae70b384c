package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * The broker crashes (SIGKILL) in the middle of a burst of 200 online submissions and comes back: every accepted
 * application still opens its case in approval, shows it in the applicant's progress view, reaches SAMR's department
 * system, and tells the applicant once; nothing is opened, delivered or notified twice.
 */
@ExtendWith(SharedPlatform.class)
class KafkaCrashIT {

    static final int BURST = 200;
    static final int CONCURRENT_CALLERS = 16;
    static final Duration BROKER_DOWN = Duration.ofSeconds(15);
    static final Duration EVENTUALLY = Duration.ofMinutes(4);
    static final String SECRET = "samr-webhook-secret-for-the-crash";

    @Test
    void everyApplicationAcceptedWhileTheBrokerCrashedReachesApprovalAndNotificationOnce(LocalPlatform platform)
            throws Exception {
        Portal portal = new Portal(platform);
        String applicant = portal.token("zhang.san");
        String email = Portal.uniqueMailAddress("zhang.san");
        Map<String, Object> application = Map.of(
                "itemCode", "samr-company-registration",
                "applicant", Portal.person("张三", email, null),
                "form",
                        Map.of(
                                "companyName", "杭州一次科技有限公司",
                                "registeredCapitalYuan", 500000,
                                "businessScope", "咨询",
                                "registeredAddress", "杭州市上城区1号",
                                "legalRepresentativeName", "张三"),
                "materials",
                        portal.documents(
                                applicant,
                                null,
                                List.of(
                                        "COMPANY_REGISTRATION_APPLICATION",
                                        "ARTICLES_OF_ASSOCIATION",
                                        "ID_CARD",
                                        "PREMISES_PROOF",
                                        "OFFICER_APPOINTMENTS")));

        try (WebhookReceiver samrSystem = new WebhookReceiver(SECRET)) {
            String samr = platform.keycloak().clientCredentialsToken("samr-system", "samr-system-secret");
            String subscription = portal.gateway
                    .post(
                            "/api/notifications/subscriptions",
                            samr,
                            Map.of(
                                    "callbackUrl", samrSystem.callbackUrl(),
                                    "eventTypes", List.of("org.runonce.approval.case.opened.v1"),
                                    "secret", SECRET))
                    .json(201)
                    .path("id")
                    .asString();
            try {
                portal.submitOnceTheCatalogArrived(applicant, application);
                Set<String> accepted = burstWithABrokerCrash(platform, portal, applicant, application);

                // approval opened every case, and its event came back to intake: the applicant sees it pending
                await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Set<String> waiting = new HashSet<>(accepted);
                    portal.gateway
                            .get(Portal.APPLICATIONS + "?status=ACCEPTED&limit=500", applicant)
                            .json(200)
                            .forEach(a -> {
                                if (a.path("cases")
                                        .get(0)
                                        .path("status")
                                        .asString()
                                        .equals("PENDING")) {
                                    waiting.remove(a.path("number").asString());
                                }
                            });
                    assertThat(waiting)
                            .as("applications whose case is not yet pending")
                            .isEmpty();
                });

                // SAMR's system got each case opened once (after deduplication by CloudEvent id, as receivers do)
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(openedCaseIds(samrSystem, accepted))
                                .hasSize(accepted.size())
                                .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));

                // the applicant was told of each acceptance exactly once, in the inbox and by mail
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    Map<String, Long> inbox = acceptanceNotices(portal, applicant, accepted);
                    assertThat(inbox).hasSize(accepted.size());
                    assertThat(inbox.values()).containsOnly(1L);
                    assertThat(acceptanceMails(portal, email, accepted)).hasSize(accepted.size());
                });
                assertThat(acceptanceMails(portal, email, accepted).stream().distinct())
                        .hasSize(accepted.size());
            } finally {
                portal.gateway.delete("/api/notifications/subscriptions/" + subscription, samr);
            }
        }
    }

    /** Submits {@link #BURST} applications; a quarter of the way in the broker is killed, later started again. */
    private static Set<String> burstWithABrokerCrash(
            LocalPlatform platform, Portal portal, String applicant, Map<String, Object> application) throws Exception {
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch quarter = new CountDownLatch(BURST / 4);
        Semaphore callers = new Semaphore(CONCURRENT_CALLERS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BURST; i++) {
                threads.submit(() -> {
                    callers.acquireUninterruptibly();
                    try {
                        Http.Response response = submitPolitely(portal, applicant, application);
                        if (response.status() == 201
                                && response.json().path("status").asString().equals("ACCEPTED")) {
                            accepted.add(response.json().path("number").asString());
                        } else {
                            String answer = response.toString();
                            failures.add(answer.substring(0, Math.min(answer.length(), 600)));
                        }
                    } catch (RuntimeException | InterruptedException e) {
                        failures.add(e.toString());
                    } finally {
                        callers.release();
                        quarter.countDown();
                    }
                });
            }
            assertThat(quarter.await(2, TimeUnit.MINUTES)).isTrue();
            platform.kafka().kill();
            assertThat(accepted.size() + failures.size())
                    .as("answered when the broker died")
                    .isLessThan(BURST);
            Thread.sleep(BROKER_DOWN);
            platform.kafka().start();
        }
        // submitting needs no broker (the outbox is in intake's database): every one of them is accepted
        assertThat(failures).isEmpty();
        assertThat(Set.copyOf(accepted)).hasSize(BURST);
        return Set.copyOf(accepted);
    }

    /**
     * Submits as a well-behaved client does: one applicant sending 200 at once meets the gateway's per-client rate
     * limit, so a 429 is retried after its {@code Retry-After} with the same {@code Idempotency-Key}.
     */
    private static Http.Response submitPolitely(Portal portal, String applicant, Map<String, Object> application)
            throws InterruptedException {
        Map<String, String> key = Portal.idempotencyKey();
        for (int attempt = 1; ; attempt++) {
            Http.Response response = portal.gateway.post(Portal.APPLICATIONS, applicant, application, key);
            if (response.status() != 429 || attempt == 100) {
                return response;
            }
            Thread.sleep(Duration.ofSeconds(Long.parseLong(response.header("Retry-After"))));
        }
    }

    /** Case number -> the distinct CloudEvent ids of its case-opened events received, for the given applications. */
    private static Map<String, Set<String>> openedCaseIds(WebhookReceiver receiver, Set<String> applications) {
        return receiver.received().stream()
                .filter(e -> e.signatureValid()
                        && applications.contains(
                                e.subject().substring(0, e.subject().lastIndexOf('-'))))
                .collect(Collectors.groupingBy(
                        WebhookReceiver.Received::subject,
                        Collectors.mapping(WebhookReceiver.Received::id, Collectors.toSet())));
    }

    /** Subjects of the mails about the given applications (each subject names its application). */
    private static List<String> acceptanceMails(Portal portal, String email, Set<String> applications) {
        return portal.mailSubjectsTo(email).stream()
                .filter(subject -> applications.stream().anyMatch(subject::contains))
                .toList();
    }

    /** Application number -> how many acceptance notices the applicant's inbox holds for it. */
    private static Map<String, Long> acceptanceNotices(Portal portal, String applicant, Set<String> applications) {
        JsonNode inbox = portal.gateway
                .get("/api/notifications/inbox?limit=500", applicant)
                .json(200);
        return inbox.valueStream()
                .filter(n -> n.path("template").asString().equals("accepted")
                        && applications.contains(n.path("applicationNumber").asString()))
                .collect(Collectors.groupingBy(n -> n.path("applicationNumber").asString(), Collectors.counting()));
    }
}
