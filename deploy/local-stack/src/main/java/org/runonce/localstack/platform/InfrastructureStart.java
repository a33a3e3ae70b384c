package org.runonce.localstack.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.runonce.localstack.Kafka;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.Smtp;

/**
 * Starts PostgreSQL, Kafka, Keycloak and SMTP in parallel: for {@code ./runonce start} on their fixed ports with
 * persistent data, owned by the platform; for tests the shared servers of {@link LocalInfrastructure} and a Keycloak
 * of the platform's own.
 */
public final class InfrastructureStart {

    private final PlatformSettings settings;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private Postgres postgres;
    private Kafka kafka;
    private Keycloak keycloak;
    private Smtp smtp;
    private boolean stopped;

    public InfrastructureStart(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Starts the four servers and creates the services' databases; stops what started when one fails. */
    public Infrastructure start() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "runonce-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Keycloak takes longest: it boots while PostgreSQL and Kafka start
            List<Future<?>> starts = List.of(
                    pool.submit(
                            () -> adopt(timed("Keycloak", this::startKeycloak, Keycloak::baseUrl), k -> keycloak = k)),
                    pool.submit(() -> adopt(
                            timed("PostgreSQL", this::startPostgres, p -> "localhost:" + p.port()), p -> postgres = p)),
                    pool.submit(() -> adopt(timed("Kafka", this::startKafka, Kafka::bootstrapServers), k -> kafka = k)),
                    pool.submit(() -> adopt(
                            timed("SMTP (GreenMail)", this::startSmtp, m -> m.host() + ":" + m.port()),
                            m -> smtp = m)));
            List<Throwable> failures = new ArrayList<>();
            starts.forEach(start -> await(start, failures));
            if (!failures.isEmpty()) {
                failures.stream().skip(1).forEach(f -> settings.progress("Also failed: " + f.getMessage()));
                throw Tasks.asRuntime(failures.getFirst());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Topology.App app : Topology.App.values()) {
            if (app.database() != null) {
                postgres.jdbcUrl(app.database()); // creates the database
            }
        }
        return current();
    }

    /** The servers started so far (null for those that did not start). */
    public synchronized Infrastructure current() {
        return new Infrastructure(postgres, kafka, keycloak, smtp);
    }

    /** Stops Keycloak; see {@link #stopShared()} for the rest. Idempotent. */
    public void stopKeycloak() {
        Keycloak started;
        synchronized (this) {
            stopped = true;
            started = keycloak;
        }
        closeQuietly(started);
    }

    /** Stops PostgreSQL, Kafka and SMTP in parallel if the platform started them (not the shared test servers). */
    public void stopShared() {
        List<AutoCloseable> servers;
        synchronized (this) {
            stopped = true;
            servers = new ArrayList<>(owned);
        }
        Tasks.parallel(
                servers.stream().<Runnable>map(s -> () -> closeQuietly(s)).toList());
    }

    private Postgres startPostgres() {
        if (settings.forTests()) {
            return LocalInfrastructure.postgres();
        }
        return own(Postgres.embedded()
                .port(Topology.POSTGRES_PORT)
                .dataDirectory(settings.home().resolve("data/postgres"))
                .logFile(settings.home().resolve("logs/postgres.log"))
                .persistent(true)
                .stopOnShutdown(false)
                .start());
    }

    private Kafka startKafka() {
        if (settings.forTests()) {
            return LocalInfrastructure.kafka();
        }
        return own(Kafka.embedded()
                .port(Topology.KAFKA_PORT)
                .controllerPort(Topology.KAFKA_CONTROLLER_PORT)
                .dataDirectory(settings.home().resolve("data/kafka"))
                .logFile(settings.home().resolve("logs/kafka.log"))
                .persistent(true)
                .stopOnShutdown(false)
                .start());
    }

    private Smtp startSmtp() {
        return settings.forTests() ? LocalInfrastructure.smtp() : own(Smtp.embedded(Topology.SMTP_PORT));
    }

    private Keycloak startKeycloak() {
        Keycloak.Builder builder = Keycloak.builder()
                .logFile(settings.logDirectory().resolve("keycloak.log"))
                .runonceHome(settings.home())
                .stopOnShutdown(false)
                .port(settings.forTests() ? 0 : Keycloak.DEFAULT_PORT);
        if (settings.forTests()) {
            builder.throwawayData();
        }
        return builder.start();
    }

    private synchronized <T extends AutoCloseable> T own(T server) {
        owned.add(server);
        return server;
    }

    /**
     * Stores a started server in its field under the lock that stopping takes, or, when the platform was stopped
     * meanwhile (Ctrl-C while starting), closes it if it is the platform's own, so that nothing started is left.
     */
    private synchronized <T extends AutoCloseable> void adopt(T server, Consumer<T> field) {
        if (stopped) {
            if (server instanceof Keycloak || owned.contains(server)) {
                closeQuietly(server);
            }
            throw new IllegalStateException("Stopped while starting.");
        }
        field.accept(server);
    }

    private <T> T timed(String component, Supplier<T> start, Function<T, String> where) {
        long t0 = System.nanoTime();
        T started = start.get();
        settings.progress(Tasks.done(component, where.apply(started), t0));
        return started;
    }

    private static void await(Future<?> future, List<Throwable> failures) {
        try {
            future.get();
        } catch (ExecutionException e) {
            failures.add(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        }
    }

    private void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            settings.progress("Could not stop " + server + ": " + e.getMessage());
        }
    }
}
