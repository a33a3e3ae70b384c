package org.runonce.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.runonce.localstack.Kafka;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.Smtp;
import org.runonce.localstack.kafka.EmbeddedKafka;
import org.runonce.localstack.postgres.EmbeddedPostgresIT;

/**
 * Servers that start at the same time never get the same port, and a broker that is down keeps its port. The ports
 * are chosen from a range of 14 so that the servers compete for them: choosing a port that merely looked free, as the
 * local stack once did, gives two of the ten chosen here the same port in about 99 of 100 runs, and one server then
 * fails with "port ... is already in use" (the flake CI saw with many test JVMs starting servers at once).
 */
public class ConcurrentPortsIT {

    private static final int RANGE = 14;

    private final List<AutoCloseable> servers = new ArrayList<>();
    private String previousRange;

    @BeforeEach
    void narrowThePortRange() {
        previousRange = System.getProperty(Ports.RANGE_PROPERTY);
        // a random block, so that parallel builds on the machine rarely compete for the same one
        int first = Ports.FIRST + RANGE * ThreadLocalRandom.current().nextInt((Ports.LAST - Ports.FIRST) / RANGE);
        System.setProperty(Ports.RANGE_PROPERTY, first + "-" + (first + RANGE - 1));
    }

    @AfterEach
    void stopAndRestore() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        if (previousRange == null) {
            System.clearProperty(Ports.RANGE_PROPERTY);
        } else {
            System.setProperty(Ports.RANGE_PROPERTY, previousRange);
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void serversStartedAtOnceGetDistinctPortsAndABrokerThatIsDownKeepsItsPorts() throws Exception {
        List<Callable<AutoCloseable>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(() -> Kafka.embedded().start());
        }
        for (int i = 0; i < 2; i++) {
            starts.add(() -> Postgres.embedded().start());
            starts.add(() -> Smtp.embedded(0));
        }
        startAll(starts);

        List<Integer> ports = ports();
        assertThat(ports).hasSize(10).doesNotHaveDuplicates();
        for (AutoCloseable server : servers) {
            if (server instanceof Kafka kafka) {
                kafka.createTopic("runonce.ports." + UUID.randomUUID(), 1);
            } else if (server instanceof Postgres postgres) {
                assertThat(EmbeddedPostgresIT.queryString(postgres.jdbcUrl("ports"), "SELECT 'up'"))
                        .isEqualTo("up");
            }
        }

        // while a broker is down its ports look free, but they stay its own: new servers take the others
        EmbeddedKafka down = (EmbeddedKafka) servers.getFirst();
        down.kill();
        startAll(List.of(() -> Smtp.embedded(0), () -> Smtp.embedded(0)));
        down.start();
        down.createTopic("runonce.ports.after-restart", 1);
        assertThat(ports()).hasSize(12).doesNotHaveDuplicates();
    }

    private void startAll(List<Callable<AutoCloseable>> starts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(starts.size());
        try {
            List<Future<AutoCloseable>> futures = pool.invokeAll(starts);
            AssertionError failure = null;
            for (Future<AutoCloseable> future : futures) {
                try {
                    servers.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? new AssertionError(e.getCause()) : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    private List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (AutoCloseable server : servers) {
            switch (server) {
                case EmbeddedKafka kafka -> {
                    ports.add(kafka.port());
                    ports.add(kafka.controllerPort());
                }
                case Postgres postgres -> ports.add(postgres.port());
                case Smtp smtp -> ports.add(smtp.port());
                default -> throw new IllegalStateException("unexpected " + server);
            }
        }
        return ports;
    }
}
