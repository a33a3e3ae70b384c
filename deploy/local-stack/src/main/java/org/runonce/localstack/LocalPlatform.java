package org.runonce.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.localstack.platform.ApplicationLaunch;
import org.runonce.localstack.platform.Infrastructure;
import org.runonce.localstack.platform.InfrastructureStart;
import org.runonce.localstack.platform.PlatformSettings;
import org.runonce.localstack.platform.ServiceProcess;
import org.runonce.localstack.platform.StartCommand;
import org.runonce.localstack.platform.StartupSummary;
import org.runonce.localstack.platform.Topology;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.OwnedProcesses;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak and SMTP, then the four services and the gateway
 * as separate JVMs. {@link #main} is what {@code ./runonce start} runs (fixed ports, persistent data under
 * {@code .runonce/}); {@link #startForTests()} is what system tests and benchmarks use (free ports, throwaway data).
 * Whatever started it, the platform stops with its JVM: on SIGINT or SIGTERM by a shutdown hook, within 30 s; on
 * {@code kill -9} by the watchdog every server process is watched by.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String GATEWAY = "gateway";
    public static final String CATALOG = "catalog-service";
    public static final String INTAKE = "intake-service";
    public static final String APPROVAL = "approval-service";
    public static final String NOTIFICATION = "notification-service";

    /** Every application, in start order of the summary; the gateway last. */
    public static final List<String> APPLICATIONS = List.of(CATALOG, INTAKE, APPROVAL, NOTIFICATION, GATEWAY);

    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(4);

    private final PlatformSettings settings;
    private final InfrastructureStart infrastructure;
    private final ApplicationLaunch applications;
    private final long startedAt = System.nanoTime();
    private final Thread shutdownHook = new Thread(this::stopOnShutdown, "runonce-stop");
    private LocalInfrastructure.Lease infrastructureLease;
    private volatile Infrastructure servers = new Infrastructure(null, null, null, null);
    private volatile boolean stopped;

    private LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
        this.infrastructure = new InfrastructureStart(settings);
        this.applications = new ApplicationLaunch(settings);
    }

    /** Options; the defaults are those of {@code ./runonce start}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Everything on free ports with throwaway data: PostgreSQL, Kafka and SMTP are this JVM's shared
     * {@link LocalInfrastructure} (containers where Docker is available), Keycloak and the applications are started
     * for this platform. Needs the applications' jars (built by {@code mvn package}).
     */
    public static LocalPlatform startForTests() {
        return builder().forTests().start();
    }

    /** {@code ./runonce start}: options {@code --no-services}, {@code --help}. */
    public static void main(String[] args) {
        StartCommand.main(args);
    }

    // ---- accessors

    /** The gateway, the only entry point for clients. */
    public String gatewayUrl() {
        return serviceUrl(GATEWAY);
    }

    /** {@code http://localhost:<port>} of an application ({@link #APPLICATIONS}; "catalog" also works). */
    public String serviceUrl(String name) {
        return applications.service(name).url();
    }

    public int servicePort(String name) {
        return applications.service(name).port();
    }

    public Path serviceLog(String name) {
        return applications.service(name).logFile();
    }

    /** The one Swagger UI, served by the gateway. */
    public String swaggerUiUrl() {
        return gatewayUrl() + "/swagger-ui.html";
    }

    public Keycloak keycloak() {
        return servers.keycloak();
    }

    public Postgres postgres() {
        return servers.postgres();
    }

    public Kafka kafka() {
        return servers.kafka();
    }

    public Smtp smtp() {
        return servers.smtp();
    }

    /** The issuer every application trusts. */
    public String issuerUri() {
        return keycloak().issuerUri();
    }

    /** The JDBC URL of a service's database, e.g. {@code jdbcUrl("intake")}. */
    public String jdbcUrl(String database) {
        return postgres().jdbcUrl(database);
    }

    public boolean isServiceRunning(String name) {
        return applications.service(name).isRunning();
    }

    /** Stops one application (SIGTERM, graceful); the others keep running. */
    public void stopService(String name) {
        applications.service(name).stop();
    }

    /** Starts a stopped application again on the same port and waits until it is ready. */
    public void startService(String name) {
        ServiceProcess service = applications.service(name);
        service.start();
        service.awaitReady(settings.startupTimeout());
    }

    /**
     * Starts one more instance of a service ("approval-service" or "approval"), as operators run two or more replicas:
     * same database and topics, its own free port; the gateway keeps routing to the first. Waits until it is ready.
     *
     * @return the instance's name ("approval-service-2"), for {@link #serviceUrl}, {@link #killService} and the
     *     other per-application methods
     */
    public String startInstance(String service) {
        return applications.startInstance(service).name();
    }

    /**
     * Kills one application or instance with SIGKILL, as a crash does: no graceful shutdown, in-flight work left as
     * it was. {@link #startService} starts it again.
     */
    public void killService(String name) {
        applications.service(name).kill();
    }

    /** URLs, demo users and a token recipe, as printed by {@code ./runonce start}. */
    public String summary() {
        return StartupSummary.text(settings, servers, applications.services(), startedAt);
    }

    // ---- start and stop

    private LocalPlatform startAll() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (settings.forTests()) {
            // at JVM exit the shared servers wait for this platform's applications to stop first
            infrastructureLease = LocalInfrastructure.lease();
        }
        requireJava();
        LocalFiles.createDirectories(settings.home());
        OwnedProcesses.endOrphans(settings.home());
        List<Topology.App> apps = applications.requireJars();
        if (!settings.forTests()) {
            Topology.requireFixedPortsFree(apps);
        }
        settings.progress("Starting RunOnce from " + settings.repositoryRoot()
                + (settings.forTests()
                        ? " (throwaway data"
                        : " (data " + settings.home().resolve("data"))
                + ", logs " + settings.logDirectory() + ")");
        try {
            servers = infrastructure.start();
        } finally {
            servers = infrastructure.current();
        }
        if (!apps.isEmpty()) {
            applications.start(apps, servers);
        }
        if (settings.forTests()) {
            settings.progress("RunOnce is up after " + seconds(System.nanoTime() - startedAt) + ".");
        }
        return this;
    }

    /**
     * Stops everything that was started, within 30 s: the applications and Keycloak in parallel (SIGKILLed after 20
     * and 15 s), then PostgreSQL, Kafka and SMTP if this platform started them (Kafka SIGKILLed after 8 s).
     * Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<Runnable> first = new ArrayList<>(applications.stopTasks());
        first.add(infrastructure::stopKeycloak);
        parallel(first);
        infrastructure.stopShared();
        applications.releasePorts();
        if (infrastructureLease != null) {
            infrastructureLease.close(); // the shared test servers may stop now
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook
        }
    }

    /** SIGINT, SIGTERM or the end of the JVM: everything the platform started stops with it. */
    private void stopOnShutdown() {
        if (!stopped) {
            settings.progress("");
            settings.progress("Stopping RunOnce...");
            long t0 = System.nanoTime();
            stop();
            settings.progress("Stopped in " + seconds(System.nanoTime() - t0) + ".");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void parallel(List<Runnable> tasks) {
        List<Thread> threads = tasks.stream()
                .map(task -> Thread.ofPlatform().daemon().start(task))
                .toList();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void requireJava() {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            throw new IllegalStateException("RunOnce needs Java 21 or newer; this is Java " + feature + " ("
                    + System.getProperty("java.home") + "). Use ./runonce start, which finds a JDK 21+.");
        }
    }

    /** Start options. */
    public static final class Builder {

        private Path repositoryRoot;
        private Path runonceHome;
        private boolean forTests;
        private boolean applications = true;
        private boolean classDataSharing = !"false".equals(System.getProperty("runonce.cds"));
        private Duration startupTimeout = SERVICE_TIMEOUT;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> applicationProperties = new LinkedHashMap<>();
        private PrintStream out = System.out;

        private Builder() {}

        /** Free ports, throwaway data, this JVM's shared {@link LocalInfrastructure}; for tests. */
        public Builder forTests() {
            this.forTests = true;
            return this;
        }

        /** Infrastructure only: PostgreSQL, Kafka, Keycloak and SMTP. */
        public Builder withoutApplications() {
            this.applications = false;
            return this;
        }

        /** The repository whose {@code <module>/target/<module>.jar} are run; default: found from the cwd. */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
            return this;
        }

        /** Runtime directory; default {@code ${runonce.home}}, else {@code <repository>/.runonce}. */
        public Builder runonceHome(Path runonceHome) {
            this.runonceHome = runonceHome.toAbsolutePath().normalize();
            return this;
        }

        /** A Spring property ({@code --key=value}) for every application, after the launcher's own. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A Spring property for one application ({@link #APPLICATIONS}), after every other. */
        public Builder property(String application, String key, String value) {
            applicationProperties
                    .computeIfAbsent(Topology.App.of(application).module(), k -> new LinkedHashMap<>())
                    .put(key, value);
            return this;
        }

        /** An extra JVM option for every application, e.g. {@code -Xmx1g}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Whether applications keep a class data sharing archive (faster later starts); default true. */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /** How long each application may take to become ready; default 4 minutes. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Where progress lines go; null for none. Default {@code System.out}. */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /**
         * Starts everything and waits until every application is ready; stops what started on failure. From here on
         * the platform stops with this JVM, however it ends.
         */
        public LocalPlatform start() {
            LocalPlatform platform = new LocalPlatform(settings());
            try {
                return platform.startAll();
            } catch (RuntimeException e) {
                platform.stop();
                throw e;
            }
        }

        private PlatformSettings settings() {
            Path root = repositoryRoot != null ? repositoryRoot : LocalFiles.repositoryRoot();
            Path home = runonceHome != null
                    ? runonceHome
                    : System.getProperty(RunonceHome.PROPERTY) != null ? RunonceHome.path() : root.resolve(".runonce");
            // tests keep their logs (a failure is read after the fact); LocalFiles prunes old ones
            Path logs = forTests
                    ? LocalFiles.testLogDirectory(home).resolve("platform-" + LocalFiles.uniqueSuffix())
                    : home.resolve("logs");
            return new PlatformSettings(
                    root,
                    home,
                    logs,
                    forTests,
                    applications,
                    classDataSharing,
                    startupTimeout,
                    List.copyOf(jvmOptions),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(applicationProperties)),
                    out);
        }
    }

    @Override
    public String toString() {
        return "LocalPlatform " + applications.services();
    }
}
