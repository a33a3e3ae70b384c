package org.runonce.localstack.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.runonce.localstack.process.OwnedProcesses;
import org.runonce.localstack.process.Ports;

/**
 * Starts the applications as JVMs of their own from their executable jars (with a start-up cache, see
 * {@link ServiceJar}), each on a port reserved for it, wired by {@link Topology}, and waits until each is ready.
 */
public final class ApplicationLaunch {

    /** JVM options of every application (class data sharing options are added where the jar allows it). */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC");

    private final PlatformSettings settings;
    private final Map<Topology.App, ServiceProcess> services = new LinkedHashMap<>();
    /** Further instances of a service ({@link #startInstance}), by instance name, e.g. "approval-service-2". */
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();

    private final Map<Topology.App, Integer> chosenPorts = new LinkedHashMap<>();
    private final Map<Topology.App, List<String>> launch = new ConcurrentHashMap<>();
    private Infrastructure servers;
    private final List<Ports.Reservation> ports = new ArrayList<>();
    private boolean stopped;

    public ApplicationLaunch(PlatformSettings settings) {
        this.settings = settings;
    }

    /** The applications to start, after checking that their jars exist. */
    public List<Topology.App> requireJars() {
        List<Topology.App> apps = settings.applications() ? List.of(Topology.App.values()) : List.of();
        List<String> missing = apps.stream()
                .map(app -> app.jar(settings.repositoryRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> settings.repositoryRoot().relativize(jar).toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing " + String.join(", ", missing) + ". Build first:"
                    + " ./runonce start builds before starting, or run ./runonce mvn -B -DskipTests package.");
        }
        return apps;
    }

    /** Starts {@code apps} against {@code servers} and returns once every one is ready. */
    public void start(List<Topology.App> apps, Infrastructure servers) {
        Map<Topology.App, Integer> chosen = new LinkedHashMap<>();
        for (Topology.App app : apps) {
            // reserved until stop(), so that no other server takes the port while the application boots or restarts
            Ports.Reservation reservation = Ports.reserve(settings.forTests() ? 0 : app.port(), app.module());
            synchronized (this) {
                ports.add(reservation);
            }
            chosen.put(app, reservation.port());
        }
        synchronized (this) {
            chosenPorts.putAll(chosen);
            this.servers = servers;
        }
        Tasks.parallel(apps.stream()
                .<Runnable>map(app -> () -> launch.put(app, launchArguments(app)))
                .toList());
        Map<Topology.App, ServiceProcess> prepared = new LinkedHashMap<>();
        for (Topology.App app : apps) {
            prepared.put(app, process(app, app.module(), chosen));
        }
        settings.progress("Starting "
                + String.join(", ", apps.stream().map(Topology.App::module).toList()) + "...");
        synchronized (this) { // together with stop(): every application that starts is also stopped
            if (stopped) {
                throw new IllegalStateException("Stopped while starting.");
            }
            services.putAll(prepared);
            services.values().forEach(ServiceProcess::start);
        }
        Tasks.parallel(services.values().stream()
                .<Runnable>map(service -> () -> {
                    long t0 = System.nanoTime();
                    service.awaitReady(settings.startupTimeout());
                    settings.progress(Tasks.done(service.name(), service.url(), t0));
                })
                .toList());
    }

    /**
     * Starts one more instance of a started service on a free port, with the same database, topics and settings as
     * the first (the gateway keeps routing to the first), and waits until it is ready. Its name is
     * "&lt;module&gt;-&lt;n&gt;", from 2, for {@link #service(String)}.
     */
    public ServiceProcess startInstance(String name) {
        Topology.App app = Topology.App.of(name);
        if (app == Topology.App.GATEWAY) {
            throw new IllegalArgumentException("One gateway per platform");
        }
        ServiceProcess instance;
        synchronized (this) {
            if (stopped || !services.containsKey(app)) {
                throw new IllegalStateException(app.module() + " is not running");
            }
            Ports.Reservation reservation = Ports.reserve(0, app.module());
            ports.add(reservation);
            Map<Topology.App, Integer> wiring = new LinkedHashMap<>(chosenPorts);
            wiring.put(app, reservation.port());
            String instanceName = app.module() + "-"
                    + (2
                            + instances.keySet().stream()
                                    .filter(n -> n.startsWith(app.module() + "-"))
                                    .count());
            instance = process(app, instanceName, wiring);
            instances.put(instanceName, instance);
            instance.start();
        }
        instance.awaitReady(settings.startupTimeout());
        return instance;
    }

    private ServiceProcess process(Topology.App app, String name, Map<Topology.App, Integer> wiring) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(launch.get(app));
        command.addAll(Topology.arguments(app, wiring, servers, settings));
        return new ServiceProcess(
                name,
                wiring.get(app),
                app.healthPath(),
                command,
                settings.logDirectory().resolve(name + ".log"));
    }

    /** The started application {@code name} ("catalog-service" or "catalog"), or a further instance by its name. */
    public synchronized ServiceProcess service(String name) {
        ServiceProcess instance = instances.get(name);
        if (instance != null) {
            return instance;
        }
        ServiceProcess service = services.get(Topology.App.of(name));
        if (service == null) {
            throw new IllegalStateException(name + " was not started (see Builder.withoutApplications())");
        }
        return service;
    }

    /** The started applications, in start order, then further instances. */
    public synchronized List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(instances.values());
        return all;
    }

    /** Marks every application as stopping, so that their exits are not reported as unexpected. */
    public synchronized List<Runnable> stopTasks() {
        stopped = true;
        List<ServiceProcess> apps = services();
        apps.forEach(ServiceProcess::stopping);
        return apps.stream().<Runnable>map(app -> app::stop).toList();
    }

    /** Releases the applications' ports, once they have stopped. */
    public synchronized void releasePorts() {
        ports.forEach(Ports.Reservation::close);
    }

    private List<String> launchArguments(Topology.App app) {
        Path jar = app.jar(settings.repositoryRoot());
        if (!settings.classDataSharing()) {
            return List.of("-jar", jar.toString());
        }
        // Unpacked next to the jar it comes from: `mvn clean` removes both, and each checkout has its own. Tests
        // use a class data sharing archive even on Java 25: an AOT cache starts faster still, but writing it makes
        // every stop after a rebuild much slower, which a test run (and CI, always fresh) pays more than it gains.
        return ServiceJar.launchArguments(
                jar,
                jar.resolveSibling("unpacked"),
                settings.forTests() ? "test" : "start",
                settings.forTests() ? ServiceJar.Cache.CDS : ServiceJar.Cache.BEST);
    }

    private List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
        jvm.addAll(settings.jvmOptions());
        jvm.add(OwnedProcesses.ownerMark(settings.home()));
        return jvm;
    }
}
