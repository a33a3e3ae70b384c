package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.CaseStarted;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one accepted submission costs notification in PostgreSQL statements (issue 14, the benchmark's
 * {@code submission-cost} figure), counted with {@code pg_stat_statements} (preloaded by the local stack's
 * PostgreSQL; BEGIN and COMMIT included): the events a company registration accepted at once puts on Kafka (intake's
 * {@code submitted} and {@code accepted}, approval's {@code case.opened} and {@code case.started}) consumed by the
 * three consumer groups on real Kafka, then the e-mail sent and the outbox relayed. The applicant has an account and
 * an e-mail address, no phone (as the benchmark's); no department system subscribes to the department. Every
 * statement of the notification database is counted, except the periodic ones that run whether events come or not
 * (Modulith's staleness monitor and resubmission, the parked-events gauge), printed by query.
 */
@NotificationIT
class SubmissionStatementsIT {

    /** The consumer groups that read intake's and approval's topics. */
    private static final List<String> GROUPS = List.of("webhooks", "notices", "staff-notices");

    /** Statements that run on a timer whatever comes: not the submission's. */
    private static final String BACKGROUND =
            "(from event_publication where .*(status|completion_date is null|publication_date <)|parked_event.*group by"
                    + "|from parked_event where state|pg_stat_statements|select current_database)";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    NoticeSender sender;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.application.name}")
    String application;

    /** Submissions per measured round: the sender's and the consumers' per-poll statements spread over them. */
    private static final int ROUND = 5;

    @Test
    void anAcceptedSubmissionCostsNotificationFewStatements() throws Exception {
        submissions(1); // warms up the consumers' connections, sends what other tests left pending
        Map<String, Long> before = statementsByQuery();
        List<String> numbers = submissions(ROUND);
        Map<String, Long> after = statementsByQuery();

        Map<String, Long> cost = new LinkedHashMap<>();
        after.forEach((query, calls) -> {
            long delta = calls - before.getOrDefault(query, 0L);
            if (delta > 0 && !query.replaceAll("\\s+", " ").matches("(?is).*" + BACKGROUND + ".*")) {
                cost.put(query, delta);
            }
        });
        double total = cost.values().stream().mapToLong(Long::longValue).sum() / (double) ROUND;
        System.out.printf("notification statements per accepted submission (%d submissions): %.1f%n", ROUND, total);
        cost.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(
                        "%6.1f  %s%n", e.getValue() / (double) ROUND, e.getKey().replaceAll("\\s+", " ")));

        // the effects are there, once each: an e-mail sent and an inbox notice, each announced
        for (String number : numbers) {
            assertThat(jdbc.sql("select channel || ':' || state from notice where application_number = ? order by 1")
                            .param(number)
                            .query(String.class)
                            .list())
                    .containsExactly("EMAIL:SENT", "INBOX:SENT");
        }
        // 64 before (one submission per round): a transaction per record and group, one per notice sent
        assertThat(total)
                .as("statements per accepted submission (38.5 before issue 14's work)")
                .isLessThan(25);
    }

    /**
     * Accepted submissions' events through the three consumer groups, their mail sent (one sender run) and the
     * notices' announcements relayed; their numbers.
     */
    private List<String> submissions(int count) throws Exception {
        Map<TopicPartition, Long> sent = new LinkedHashMap<>();
        List<String> numbers = new java.util.ArrayList<>();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < count; i++) {
                numbers.add(submission(producer, sent));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String group : GROUPS) {
                String groupId = application + "-" + group;
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    var committed = admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()
                            .get();
                    return sent.entrySet().stream()
                            .allMatch(e -> committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue());
                });
            }
        }
        assertThat(sender.sendPending()).as("e-mails sent").isGreaterThanOrEqualTo(count);
        // the notices' announcements relayed to Kafka (their publications completed)
        for (String number : numbers) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("""
                            select count(*) from event_publication
                            where serialized_event like ? and completion_date is null""")
                                    .param("%" + number + "%")
                                    .query(Long.class)
                                    .single()
                            == 0);
        }
        return numbers;
    }

    /** One accepted submission's events on Kafka; its number. */
    private String submission(KafkaProducer<String, byte[]> producer, Map<TopicPartition, Long> sent) throws Exception {
        String number = "330000-2026-L" + UUID.randomUUID().toString().substring(0, 8);
        String caseNumber = number + "-01";
        String department =
                "LEAN" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        var applicant = Map.of(
                "subject", UUID.randomUUID().toString(),
                "name", "Wang Fang",
                "type", "NATURAL_PERSON",
                "locale", "zh-CN",
                "email", "wang.fang-" + number.toLowerCase() + "@example.com");
        var submitted = TestEvents.event(
                "/runonce/intake",
                ApplicationSubmitted.TYPE,
                number,
                null,
                Map.of(
                        "applicationNumber",
                        number,
                        "itemCodes",
                        List.of("samr-company-registration"),
                        "channel",
                        "ONLINE",
                        "region",
                        "330000",
                        "applicant",
                        applicant,
                        "submittedAt",
                        Instant.now().toString()));
        var accepted = TestEvents.event(
                "/runonce/intake",
                ApplicationAccepted.TYPE,
                number,
                null,
                Map.of(
                        "applicationNumber",
                        number,
                        "applicant",
                        applicant,
                        "channel",
                        "ONLINE",
                        "region",
                        "330000",
                        "acceptedAt",
                        Instant.now().toString(),
                        "promisedWorkingDays",
                        3,
                        "promisedCompletionDate",
                        "2026-12-10",
                        "withDeficiencies",
                        false,
                        "cases",
                        List.of(Map.of(
                                "caseNumber",
                                caseNumber,
                                "itemCode",
                                "samr-company-registration",
                                "itemVersion",
                                1,
                                "departmentCode",
                                department,
                                "dependsOn",
                                List.of(),
                                "promisedWorkingDays",
                                3))));
        Map<String, Object> header = Map.of(
                "applicationNumber",
                number,
                "caseNumber",
                caseNumber,
                "itemCode",
                "samr-company-registration",
                "itemVersion",
                1,
                "departmentCode",
                department,
                "status",
                "OPEN",
                "step",
                "ACCEPTANCE_REVIEW",
                "actor",
                "system");
        var opened = TestEvents.event("/runonce/approval", CaseOpened.TYPE, caseNumber, department, header);
        var started = TestEvents.event("/runonce/approval", CaseStarted.TYPE, caseNumber, department, header);

        for (var topicAndEvent : List.of(
                Map.entry(Topics.INTAKE, submitted),
                Map.entry(Topics.INTAKE, accepted),
                Map.entry(Topics.APPROVAL, opened),
                Map.entry(Topics.APPROVAL, started))) {
            CloudEvent<?> event = topicAndEvent.getValue();
            var record = new ProducerRecord<>(topicAndEvent.getKey(), event.subject(), json.writeValueAsBytes(event));
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
            RecordMetadata at = producer.send(record).get();
            sent.merge(new TopicPartition(at.topic(), at.partition()), at.offset() + 1, Math::max);
        }
        return number;
    }

    private Map<String, Long> statementsByQuery() throws SQLException {
        String database =
                jdbc.sql("select current_database()").query(String.class).single();
        Map<String, Long> calls = new LinkedHashMap<>();
        try (Connection db = LocalInfrastructure.postgres().connect("postgres")) {
            db.createStatement().execute("create extension if not exists pg_stat_statements");
            try (var s = db.prepareStatement("select query, sum(calls)::bigint from pg_stat_statements"
                    + " where dbid = (select oid from pg_database where datname = ?) group by query")) {
                s.setString(1, database);
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    }
                }
            }
        }
        return calls;
    }
}
