package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Every service that publishes events killed with SIGKILL while its outbox holds events the broker never acknowledged,
 * then started again: everything is relayed, and every consumer applies it once. The broker is killed first, so that
 * what each service writes stays in its outbox: intake's acceptances (submissions), approval's review-started events
 * (a reviewer's actions), the catalog's department change (an administrator's), and notification's notice-sent events
 * (it was catching up on a backlog of acceptances and cases opened when the broker died, its offsets not committed).
 * Then catalog, intake, approval and notification are killed, the broker is started, and the services after it.
 */
@ExtendWith(SharedPlatform.class)
class OutboxKillIT {

    static final int BACKLOG = 30;
    static final int WHILE_DOWN = 10;
    static final Duration EVENTUALLY = Duration.ofMinutes(4);
    static final String SECRET = "samr-webhook-secret-for-the-kill";
    static final List<String> PUBLISHERS =
            List.of(LocalPlatform.CATALOG, LocalPlatform.INTAKE, LocalPlatform.APPROVAL, LocalPlatform.NOTIFICATION);

    @Test
    void everyEventLeftInAKilledServicesOutboxIsRelayedAndAppliedOnce(LocalPlatform platform) throws Exception {
        Instant started = Instant.now();
        Portal portal = new Portal(platform);
        String applicant = portal.token("li.si");
        String reviewer = portal.token(Portal.reviewerOf("SAMR"));
        String admin = portal.token("catalog.admin");
        String email = Portal.uniqueMailAddress("li.si");
        Burst burst = new Burst(portal, applicant, email);
        String department =
                "OUTAGE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        try (WebhookReceiver samrSystem = new WebhookReceiver(SECRET)) {
            String subscription = portal.subscribe("samr-system", samrSystem, "org.runonce.approval.case.*");
            try {
                burst.warmUp();
                // a backlog for notification: it is away while intake accepts and approval opens the cases
                platform.stopService(LocalPlatform.NOTIFICATION);
                Set<String> backlog = burst.submit(BACKLOG, answered -> {});
                await().atMost(EVENTUALLY)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> Burst.openedCases(platform, backlog) == BACKLOG);
                List<String> backlogCases = casesOf(platform, backlog);

                // notification starts on its backlog; once it is under way, the broker dies
                platform.startService(LocalPlatform.NOTIFICATION);
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> Burst.inboxAcceptances(platform, backlog) > 0);
                platform.kafka().kill();
                Instant brokerKilled = Instant.now();

                // with the broker away, each publisher writes events it cannot relay
                Set<String> acceptedWhileDown = burst.submit(WHILE_DOWN, answered -> {});
                List<String> reviewed = backlogCases.subList(0, WHILE_DOWN);
                for (String caseNumber : reviewed) {
                    portal.gateway
                            .post(Portal.CASES + caseNumber + "/start-review", reviewer, null)
                            .json(200);
                }
                portal.gateway
                        .post(
                                "/api/catalog/departments",
                                admin,
                                Map.of(
                                        "code",
                                        department,
                                        "name",
                                        Map.of("zh", "停电测试局", "en", "Outage Test Bureau"),
                                        "regionCode",
                                        "330100",
                                        "contact",
                                        Map.of(
                                                "phone", "0571-12345",
                                                "address", "市民中心B区2楼",
                                                "email", "outage@example.com",
                                                "officeHours", "工作日 9:00-17:00")))
                        .json(201);
                // ... and their outboxes hold it: what the kill below leaves behind
                await().atMost(Duration.ofMinutes(1))
                        .untilAsserted(() -> assertThat(
                                        Leftovers.unrelayedSince(platform, brokerKilled.minusSeconds(5)))
                                .as("outbox entries not acknowledged by the broker, per service")
                                .allSatisfy(
                                        (service, count) -> assertThat(count).isPositive())
                                .containsEntry("catalog", 1)
                                .hasEntrySatisfying(
                                        "intake", count -> assertThat(count).isGreaterThanOrEqualTo(WHILE_DOWN))
                                .hasEntrySatisfying(
                                        "approval", count -> assertThat(count).isGreaterThanOrEqualTo(WHILE_DOWN)));

                PUBLISHERS.forEach(platform::killService);
                platform.kafka().start();
                Together.start(platform, PUBLISHERS);

                // intake's acceptances: each case opened once, told to SAMR once and to the applicant once
                Set<String> accepted = new HashSet<>(backlog);
                accepted.addAll(acceptedWhileDown);
                await().atMost(EVENTUALLY)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(Burst.openedCases(platform, acceptedWhileDown))
                                .isEqualTo(WHILE_DOWN));
                List<String> allCases = casesOf(platform, accepted);
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(idsOf(samrSystem, CaseOpened.TYPE, allCases))
                                .hasSize(accepted.size())
                                .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    assertThat(Burst.inboxAcceptances(platform, accepted)).isEqualTo(accepted.size());
                    assertThat(Burst.acceptanceMailIds(portal, email, accepted))
                            .hasSize(accepted.size())
                            .allSatisfy((subject, ids) -> assertThat(ids).hasSize(1));
                });
                // approval's review-started events: at SAMR's system once each, and in the applicant's progress view
                await().atMost(EVENTUALLY)
                        .untilAsserted(() -> assertThat(idsOf(samrSystem, ReviewStarted.TYPE, reviewed))
                                .hasSize(WHILE_DOWN)
                                .allSatisfy((caseNumber, ids) -> assertThat(ids).hasSize(1)));
                assertThat(deliveries(platform, subscription, ReviewStarted.TYPE, reviewed))
                        .as("deliveries of review-started per case")
                        .hasSize(WHILE_DOWN)
                        .allSatisfy((caseNumber, count) -> assertThat(count).isEqualTo(1));
                // the catalog's department change reached both copies of the catalog once
                await().atMost(EVENTUALLY).untilAsserted(() -> {
                    assertThat(count(
                                    platform,
                                    "intake",
                                    "select count(*) from catalog_department where code = ?",
                                    department))
                            .isEqualTo(1);
                    assertThat(count(
                                    platform,
                                    "approval",
                                    "select count(*) from catalog_department where code = ?",
                                    department))
                            .isEqualTo(1);
                });
                // notification's notice-sent events: every notice of these applications announced on its topic
                // (no service consumes the topic; a resent record repeats the same CloudEvent id)
                Set<String> notices = sentNotices(platform, accepted);
                assertThat(notices).as("inbox and mail per acceptance").hasSize(2 * accepted.size());
                await().atMost(EVENTUALLY)
                        .untilAsserted(() ->
                                assertThat(announcedNotices(platform, started)).containsAll(notices));

                Leftovers.awaitRelayed(platform, started, Duration.ofMinutes(2));
                assertThat(Leftovers.parkedSince(platform, started))
                        .allSatisfy((database, count) -> assertThat(count).isZero());
            } finally {
                if (!platform.kafka().isRunning()) {
                    platform.kafka().start();
                }
                for (String service : PUBLISHERS) {
                    if (!platform.isServiceRunning(service)) {
                        platform.startService(service);
                    }
                }
                portal.unsubscribe("samr-system", subscription);
            }
        }
    }

    /** The case numbers of the given applications, in approval's database. */
    private static List<String> casesOf(LocalPlatform platform, Set<String> applications) throws SQLException {
        try (Connection db = platform.postgres().connect("approval");
                PreparedStatement query = db.prepareStatement(
                        "select number from approval_case where application_number = any(?) order by number")) {
            query.setArray(1, db.createArrayOf("text", applications.toArray()));
            List<String> cases = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.add(rows.getString(1));
                }
            }
            return cases;
        }
    }

    /** Case number -> the distinct CloudEvent ids of {@code type} received for it. */
    private static Map<String, Set<String>> idsOf(WebhookReceiver receiver, String type, List<String> cases) {
        return receiver.received().stream()
                .filter(e -> e.signatureValid()
                        && type.equals(e.event().path("type").asString())
                        && cases.contains(e.subject()))
                .collect(Collectors.groupingBy(
                        WebhookReceiver.Received::subject,
                        Collectors.mapping(WebhookReceiver.Received::id, Collectors.toSet())));
    }

    /** Case number -> how many deliveries of {@code type} notification made for it to the subscription. */
    private static Map<String, Integer> deliveries(
            LocalPlatform platform, String subscription, String type, List<String> cases) throws SQLException {
        try (Connection db = platform.postgres().connect("notification");
                PreparedStatement query = db.prepareStatement("select subject, count(*) from delivery"
                        + " where subscription_id = cast(? as uuid) and event_type = ? and subject = any(?)"
                        + " group by subject")) {
            query.setString(1, subscription);
            query.setString(2, type);
            query.setArray(3, db.createArrayOf("text", cases.toArray()));
            Map<String, Integer> counts = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    /** The ids of the notices notification sent about the given applications (any channel). */
    private static Set<String> sentNotices(LocalPlatform platform, Set<String> applications) throws SQLException {
        try (Connection db = platform.postgres().connect("notification");
                PreparedStatement query = db.prepareStatement(
                        "select id from notice where state = 'SENT' and application_number = any(?)")) {
            query.setArray(1, db.createArrayOf("text", applications.toArray()));
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The notice ids of the notice-sent events on notification's topic since {@code since}. */
    private static Set<String> announcedNotices(LocalPlatform platform, Instant since) {
        Set<String> notices = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.kafka().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> timestamps =
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> since.toEpochMilli()));
            consumer.offsetsForTimes(timestamps).forEach((partition, offset) -> {
                if (offset == null) {
                    consumer.seekToEnd(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            });
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = Http.JSON.readTree(record.value());
                    notices.add(event.path("data").path("noticeId").asString());
                }
            }
        }
        return notices;
    }

    private static int count(LocalPlatform platform, String database, String sql, String parameter)
            throws SQLException {
        try (Connection db = platform.postgres().connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
