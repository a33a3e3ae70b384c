package org.runonce.localstack.kafka;

import java.time.Duration;
import org.apache.kafka.common.utils.AppInfoParser;
import org.runonce.localstack.Kafka;
import org.runonce.localstack.process.Ports;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a Testcontainers container ({@code apache/kafka}, same version as the client), for machines with a
 * Docker engine. The host port is fixed for the container's life so that the advertised listener stays right when
 * the container is killed and started again.
 */
public final class ContainerKafka implements Kafka {

    static final String IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka launch() {
        KafkaContainer container = new FixedPortKafkaContainer(Ports.free());
        container.start();
        return new ContainerKafka(container);
    }

    private static final class FixedPortKafkaContainer extends KafkaContainer {
        FixedPortKafkaContainer(int hostPort) {
            super(IMAGE);
            addFixedExposedPort(hostPort, 9092);
        }
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        container
                .getDockerClient()
                .startContainerCmd(container.getContainerId())
                .exec();
        KafkaReadiness.await(
                bootstrapServers(),
                Duration.ofSeconds(90),
                () -> true,
                reason -> new IllegalStateException("Kafka container " + IMAGE + " did not start again: " + reason
                        + System.lineSeparator() + container.getLogs()));
    }

    @Override
    public synchronized void stop() {
        if (isRunning()) {
            container
                    .getDockerClient()
                    .stopContainerCmd(container.getContainerId())
                    .withTimeout(30)
                    .exec();
        }
    }

    @Override
    public synchronized void kill() {
        if (isRunning()) {
            container
                    .getDockerClient()
                    .killContainerCmd(container.getContainerId())
                    .exec();
        }
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Kafka container " + IMAGE + " on " + bootstrapServers();
    }
}
