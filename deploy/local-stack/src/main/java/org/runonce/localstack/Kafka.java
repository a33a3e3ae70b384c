package org.runonce.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.runonce.localstack.kafka.ContainerKafka;
import org.runonce.localstack.kafka.EmbeddedKafka;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one) that tests can stop, kill and start
 * again on the same port with the same data. Embedded as a child JVM by default, a container where Docker is used.
 */
public interface Kafka extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}; stays the same across {@link #stop()}/{@link #start()}. */
    String bootstrapServers();

    /** Starts the broker again after {@link #stop()} or {@link #kill()}; returns once it serves requests. */
    void start();

    /** Graceful shutdown (controlled shutdown, logs flushed); {@link #start()} brings it back. */
    void stop();

    /** Ends the broker abruptly, like a crash ({@code kill -9}); {@link #start()} brings it back. */
    void kill();

    /** Whether the broker process (or container) is up. */
    boolean isRunning();

    /** Stops the broker for good and deletes throwaway data. */
    @Override
    void close();

    /** Creates {@code topic} with replication factor 1, unless it exists. */
    default void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + topic + " on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    /** Builder of a broker run from Apache Kafka's server jars in its own JVM, without Docker. */
    static EmbeddedKafka.Builder embedded() {
        return new EmbeddedKafka.Builder();
    }

    /** Starts the broker in a Testcontainers container ({@code apache/kafka}); needs a Docker engine. */
    static Kafka container() {
        return ContainerKafka.launch();
    }
}
