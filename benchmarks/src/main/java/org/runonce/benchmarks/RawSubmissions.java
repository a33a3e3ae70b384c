package org.runonce.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.contracts.Topics;
import org.runonce.localstack.LocalPlatform;

/**
 * The raw reference of {@code submission-cost} (issue 14): what one accepted submission would cost with nothing but
 * its writes. In intake's own database, in a schema {@code bench_raw} whose tables are {@code LIKE} intake's
 * {@code INCLUDING ALL} (the real DDL, defaults and indexes), one transaction per submission inserts copies of the rows
 * intake wrote for a real accepted submission of the run (the application, its Idempotency-Key record, its outbox
 * publications; each row sent as a JSON parameter and spread by {@code jsonb_populate_record}, with a fresh number,
 * key and ids), numbering by intake's own sequence function, then produces the accepted event to Kafka with
 * {@code acks=all} and waits for the acknowledgement. Connections are pooled as intake's are (10).
 *
 * <p>Document grants are not copied: the benchmark's submissions reuse uploaded documents, so intake's grant insert
 * finds its rows present and writes none.
 */
final class RawSubmissions implements AutoCloseable {

    static final String TOPIC = "runonce.bench.raw";
    private static final int POOL = 10;
    private static final String SCHEMA = "bench_raw";

    /** A row to copy: its table and its JSON, with the sample's number already replaced by {@code %s}. */
    private record Row(String table, String json) {}

    private final LocalPlatform platform;
    private final List<Row> rows = new ArrayList<>();
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private String event;
    private KafkaProducer<String, String> producer;

    RawSubmissions(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Creates the tables and reads the rows intake wrote for {@code sampleNumber}, an accepted application. */
    RawSubmissions prepare(String sampleNumber) throws Exception {
        try (Connection db = platform.postgres().connect("intake");
                Statement statement = db.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
            for (String table : List.of("application", "idempotency_key", "event_publication")) {
                statement.execute("create table %s.%s (like public.%s including all)".formatted(SCHEMA, table, table));
            }
            String like = "%" + sampleNumber + "%";
            copy(db, "application", "select to_jsonb(t)::text from application t where number = ?", sampleNumber);
            // the stored response is encrypted (it holds personal data): the caller's submit record nearest in time
            copy(db, "idempotency_key", """
                    select to_jsonb(t)::text from idempotency_key t, application a
                    where a.number = ? and t.caller_subject = a.applicant_subject and t.operation = 'submit'
                    order by abs(extract(epoch from t.created_at - a.submitted_at)) limit 1""", sampleNumber);
            // as the outbox row is when written: not yet completed
            copy(
                    db,
                    "event_publication",
                    "select (to_jsonb(t) - 'completion_date' - 'completion_attempts' || '{\"status\": \"PUBLISHED\"}')::text"
                            + " from event_publication t where serialized_event like ?",
                    like);
            event = rows.stream()
                    .filter(row -> row.table().equals("event_publication"))
                    .map(Row::json)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no publication of " + sampleNumber));
            if (rows.stream().map(Row::table).distinct().count() != 3) {
                throw new IllegalStateException("intake's rows of " + sampleNumber + " not all found: " + rows);
            }
            rows.replaceAll(
                    row -> new Row(row.table(), row.json().replace("%", "%%").replace(sampleNumber, "%1$s")));
        }
        for (int i = 0; i < POOL; i++) {
            Connection connection = platform.postgres().connect("intake");
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        platform.kafka().createTopic(TOPIC, partitionsOf(Topics.INTAKE));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        return this;
    }

    /** The partitions of {@code topic}, so the reference produces to as many as intake does. */
    private int partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    private void copy(Connection db, String table, String query, String parameter) throws Exception {
        try (PreparedStatement select = db.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Row(table, found.getString(1)));
                }
            }
        }
    }

    /** One submission's writes in one transaction, then its event to Kafka; returns its latency from scheduled. */
    long submit(long scheduledNanos) throws Exception {
        Connection db = connections.poll(30, TimeUnit.SECONDS);
        if (db == null) {
            return -1;
        }
        String number;
        try {
            try (PreparedStatement sequence = db.prepareStatement("select next_application_sequence('999999', 2026)");
                    ResultSet next = sequence.executeQuery()) {
                next.next();
                number = "999999-2026-" + next.getLong(1);
            }
            for (Row row : rows) {
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into %s.%s select * from jsonb_populate_record(null::%s.%s, ?::jsonb)"
                                .formatted(SCHEMA, row.table(), SCHEMA, row.table()))) {
                    insert.setString(1, fresh(row, number));
                    insert.executeUpdate();
                }
            }
            db.commit();
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            connections.add(db);
        }
        producer.send(new ProducerRecord<>(TOPIC, number, event)).get(30, TimeUnit.SECONDS);
        return System.nanoTime() - scheduledNanos;
    }

    /** The row with the new number, and fresh values where the sample's would collide (key, publication id). */
    private static String fresh(Row row, String number) {
        String json = row.json().formatted(number);
        return switch (row.table()) {
            case "idempotency_key" ->
                json.replaceFirst("\"key\": \"[^\"]*\"", "\"key\": \"" + UUID.randomUUID() + "\"");
            case "event_publication" ->
                json.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"" + UUID.randomUUID() + "\"");
            default -> json;
        };
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
