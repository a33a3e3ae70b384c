package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * A burst of online submissions from one applicant, with something done to the platform a quarter of the way in,
 * and what the crash tests then check: each case opened once at the department system, each acceptance told once.
 */
final class Burst {

    /**
     * Submissions in flight at once. A closed loop: each caller waits for its answer, so an answer takes about
     * {@code CONCURRENT_CALLERS / rate}. While the second instances take over a killed one's work, two cores serve
     * the whole platform at a few submissions a second; with 16 callers an answer then took over the gateway's 10 s
     * and came back 503 (a clean-clone run of TwoInstancesIT), with 4 it takes a quarter of that.
     */
    static final int CONCURRENT_CALLERS = 4;

    /** Something done to the platform while submissions go on; it may block, the callers keep submitting. */
    @FunctionalInterface
    interface Disruption {
        void during(int answeredSoFar) throws Exception;
    }

    private final Portal portal;
    private final String applicant;
    private final Map<String, Object> application;

    /** A company registration that intake accepts at once, with {@code email} as the applicant's mail address. */
    Burst(Portal portal, String applicant, String email) {
        this.portal = portal;
        this.applicant = applicant;
        this.application = Map.of(
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
    }

    /** One submission, once intake's catalog copy has the item (on a fresh platform it arrives a little later). */
    void warmUp() {
        portal.submitOnceTheCatalogArrived(applicant, application);
    }

    /**
     * Submits {@code count} applications, {@link #CONCURRENT_CALLERS} at a time; once a quarter are answered,
     * {@code disruption} runs. Every submission must be accepted: submitting needs neither the broker nor the services
     * behind it (the outbox is in intake's database).
     *
     * @return the accepted application numbers
     */
    Set<String> submit(int count, Disruption disruption) throws Exception {
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch quarter = new CountDownLatch(count / 4);
        Semaphore callers = new Semaphore(CONCURRENT_CALLERS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                threads.submit(() -> {
                    callers.acquireUninterruptibly();
                    try {
                        Http.Response response = submitPolitely();
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
            assertThat(quarter.await(3, TimeUnit.MINUTES)).isTrue();
            disruption.during(accepted.size() + failures.size());
        }
        assertThat(failures).isEmpty();
        assertThat(Set.copyOf(accepted)).hasSize(count);
        return Set.copyOf(accepted);
    }

    /**
     * Submits as a well-behaved client does: one applicant sending hundreds at once meets the gateway's per-client
     * rate limit, so a 429 is retried after its {@code Retry-After} with the same {@code Idempotency-Key}.
     */
    Http.Response submitPolitely() throws InterruptedException {
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
    static Map<String, Set<String>> openedCaseIds(WebhookReceiver receiver, Set<String> applications) {
        return receiver.received().stream()
                .filter(e -> e.signatureValid()
                        && applications.contains(
                                e.subject().substring(0, e.subject().lastIndexOf('-'))))
                .collect(Collectors.groupingBy(
                        WebhookReceiver.Received::subject,
                        Collectors.mapping(WebhookReceiver.Received::id, Collectors.toSet())));
    }

    /** Subjects of the mails to {@code email} about the given applications (each subject names its application). */
    static List<String> acceptanceMails(Portal portal, String email, Set<String> applications) {
        return portal.mailSubjectsTo(email).stream()
                .filter(subject -> applications.stream().anyMatch(subject::contains))
                .toList();
    }

    /**
     * Subject -> the distinct {@code Message-ID}s of the mails to {@code email} about the given applications: a notice
     * sent again after a crash (SMTP has no transactions) keeps its Message-ID, so that mail systems drop the copy.
     */
    static Map<String, Set<String>> acceptanceMailIds(Portal portal, String email, Set<String> applications) {
        return portal.mailsTo(email).stream()
                .filter(mail -> applications.stream().anyMatch(mail.subject()::contains))
                .collect(Collectors.groupingBy(
                        Portal.Mail::subject, Collectors.mapping(Portal.Mail::messageId, Collectors.toSet())));
    }

    /**
     * Application number -> how many acceptance notices the applicant's inbox holds for it, read from
     * {@code notification} (the gateway, or one instance of notification-service).
     */
    static Map<String, Long> acceptanceNotices(
            Http notification, String prefix, String token, Set<String> applications) {
        JsonNode inbox = notification.get(prefix + "/inbox?limit=500", token).json(200);
        return inbox.valueStream()
                .filter(n -> n.path("template").asString().equals("accepted")
                        && applications.contains(n.path("applicationNumber").asString()))
                .collect(Collectors.groupingBy(n -> n.path("applicationNumber").asString(), Collectors.counting()));
    }

    /** How many cases approval's database holds for the given applications (one each, when all were opened). */
    static int openedCases(LocalPlatform platform, Set<String> applications) throws SQLException {
        return countIn(
                platform,
                "approval",
                "select count(*) from approval_case where application_number = any(?)",
                applications);
    }

    /** How many acceptance notices notification's database holds for the given applications' inboxes. */
    static int inboxAcceptances(LocalPlatform platform, Set<String> applications) throws SQLException {
        return countIn(
                platform,
                "notification",
                "select count(*) from notice where channel = 'INBOX' and template = 'accepted'"
                        + " and application_number = any(?)",
                applications);
    }

    private static int countIn(LocalPlatform platform, String database, String sql, Set<String> applications)
            throws SQLException {
        try (Connection db = platform.postgres().connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", applications.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
