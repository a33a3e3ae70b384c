package org.runonce.localstack.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a broker answers requests, failing early when its process is gone. */
public final class KafkaReadiness {

    private KafkaReadiness() {}

    /**
     * Returns once {@code Admin.describeCluster()} succeeds against {@code bootstrapServers}.
     *
     * @param alive false once the broker cannot come up any more (its process ended)
     * @param failure builds the exception for a reason, e.g. with the broker's log tail
     */
    static void await(
            String bootstrapServers,
            Duration timeout,
            BooleanSupplier alive,
            java.util.function.Function<String, RuntimeException> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Supplier<Long> remainingMillis = () -> Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "runonce-local-stack-readiness",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!alive.getAsBoolean()) {
                    throw failure.apply("the broker process ended");
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes()
                            .get(remainingMillis.get(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw failure.apply("the broker did not answer within " + timeout.toSeconds() + " s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure.apply("interrupted while waiting for the broker");
                }
            }
        }
    }
}
