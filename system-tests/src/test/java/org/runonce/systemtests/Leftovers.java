package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.runonce.localstack.LocalPlatform;

/**
 * What a crash or an outage may leave behind, read from the services' databases and the broker: dead letters (parked
 * records and records on the {@code <topic>.dlt} topics) and outbox entries not yet relayed.
 */
final class Leftovers {

    /** The databases of the services that publish and consume events. */
    static final List<String> DATABASES = List.of("catalog", "intake", "approval", "notification");

    private Leftovers() {}

    /** Database -> records its consumers parked (dead letters and the records waiting behind them) since {@code since}. */
    static Map<String, Integer> parkedSince(LocalPlatform platform, Instant since) throws SQLException {
        Map<String, Integer> parked = new TreeMap<>();
        for (String database : DATABASES) {
            parked.put(
                    database,
                    count(platform, database, "select count(*) from parked_event where parked_at >= ?", since));
        }
        return parked;
    }

    /** Database -> outbox entries written since {@code since} and not yet acknowledged by the broker. */
    static Map<String, Integer> unrelayedSince(LocalPlatform platform, Instant since) throws SQLException {
        Map<String, Integer> unrelayed = new TreeMap<>();
        for (String database : DATABASES) {
            unrelayed.put(
                    database,
                    count(
                            platform,
                            database,
                            "select count(*) from event_publication where completion_date is null and publication_date >= ?",
                            since));
        }
        return unrelayed;
    }

    /** Dead-letter topic -> how many records it received since {@code since} (by record timestamp). */
    static Map<String, Long> deadLettersSince(LocalPlatform platform, Instant since)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> firstSince = new HashMap<>();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(
                            topics.stream().filter(t -> t.endsWith(".dlt")).toList())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()) {
                description.partitions().forEach(p -> {
                    var partition = new TopicPartition(description.name(), p.partition());
                    firstSince.put(partition, OffsetSpec.forTimestamp(since.toEpochMilli()));
                    ends.put(partition, OffsetSpec.latest());
                });
            }
            Map<TopicPartition, ListOffsetsResultInfo> from =
                    admin.listOffsets(firstSince).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> to =
                    admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
            Map<String, Long> deadLetters = new TreeMap<>();
            from.forEach((partition, first) -> {
                // no record at or after the timestamp: offset -1
                long records = first.offset() < 0 ? 0 : to.get(partition).offset() - first.offset();
                deadLetters.merge(partition.topic(), records, Long::sum);
            });
            return deadLetters;
        }
    }

    /** Waits at most {@code atMost} for the outboxes to have relayed everything written since {@code since}. */
    static void awaitRelayed(LocalPlatform platform, Instant since, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(unrelayedSince(platform, since))
                        .as("outbox entries not relayed yet")
                        .allSatisfy((database, count) -> assertThat(count).isZero()));
    }

    private static int count(LocalPlatform platform, String database, String sql, Instant since) throws SQLException {
        try (Connection db = platform.postgres().connect(database);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
