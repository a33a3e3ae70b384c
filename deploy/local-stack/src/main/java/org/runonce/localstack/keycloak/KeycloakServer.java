package org.runonce.localstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.runonce.localstack.process.ChildProcessServer;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.OwnedProcesses;
import org.runonce.localstack.process.Ports;
import org.runonce.localstack.process.Watchdog;

/**
 * Keycloak from the official distribution, run with {@code kc.sh start-dev} in its own process with the realm
 * imported; its H2 database lives in its data directory. {@link org.runonce.localstack.Keycloak} is its public face.
 */
public final class KeycloakServer extends ChildProcessServer {

    /** How long Keycloak may take to stop gracefully before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private static final String REALM_FILE_NAME = "runonce-realm.json";
    private static final String REALM_HASH_FILE = "realm.sha256";
    private static final String DATABASE = "keycloakdb";

    /**
     * What to start.
     *
     * @param home the runtime directory (distribution, orphans)
     * @param port the HTTP port; 0 picks a free one
     * @param data where the H2 database lives
     * @param log the server's log
     * @param realm the realm file's content
     * @param throwaway whether the data is deleted when the server is closed
     */
    public record Settings(
            Path home,
            int port,
            Path data,
            Path log,
            byte[] realm,
            boolean throwaway,
            Duration startupTimeout,
            Map<String, String> environment) {}

    private final Settings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    public KeycloakServer(Settings settings) {
        super("Keycloak", settings.port() == 0, false);
        this.settings = settings;
        reserveConfiguredPorts();
    }

    public int port() {
        return port(0);
    }

    private String issuerUri() {
        return "http://localhost:" + port() + "/realms/runonce";
    }

    @Override
    protected List<Ports.Reservation> reservePorts(boolean fresh) {
        return List.of(Ports.reserve(fresh ? 0 : settings.port(), "Keycloak"));
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    protected void launch() {
        OwnedProcesses.endOrphans(settings.home());
        Ports.requireFree(port(), "Keycloak");
        KeycloakDistribution distribution =
                KeycloakDistribution.install(settings.home().resolve("dist"));
        resetDataIfRealmChanged(settings.data(), settings.realm());
        LocalFiles.createDirectories(settings.data());
        LocalFiles.createDirectories(settings.log().getParent());
        writeRealmForImport(distribution, settings.realm());
        boolean freshData = !Files.exists(settings.data().resolve(DATABASE + ".mv.db"));
        Path template = settings.throwaway() ? importedTemplate(distribution, settings.realm()) : null;
        boolean fromTemplate = freshData && template != null && Files.isDirectory(template);
        if (fromTemplate) {
            LocalFiles.copyRecursively(template, settings.data());
        }
        if (distribution.isAugmented()) {
            launchAndAwait(distribution);
        } else {
            try (KeycloakDistribution.Lock ignored = distribution.lockForFirstStart()) {
                if (!distribution.isAugmented()) {
                    System.out.println("Keycloak's first start from " + distribution.home()
                            + " builds its optimised configuration; this takes a minute once.");
                }
                launchAndAwait(distribution);
                distribution.markAugmented();
            }
        }
        if (freshData && template != null && !fromTemplate) {
            // the database as the import left it, before anyone used it: stop, keep a copy, start again
            halt();
            try {
                keepAsTemplate(settings.data(), template);
            } catch (UncheckedIOException e) {
                System.out.println("Could not keep a copy of Keycloak's imported database (" + e.getMessage()
                        + "); the next test server imports the realm again.");
            }
            launchAndAwait(distribution);
        }
    }

    /**
     * Where a copy of a freshly imported database is kept for throwaway servers: creating Keycloak's schema, its
     * master realm and importing ours take about 20 s of a 35 s start on two cores, and every test server would
     * otherwise repeat them. One copy per distribution and realm content; none for persistent data.
     */
    private static Path importedTemplate(KeycloakDistribution distribution, byte[] realm) {
        return distribution
                .home()
                .resolveSibling(distribution.home().getFileName() + "-imported-"
                        + sha256(realm).substring(0, 16));
    }

    /** Copies {@code data} to {@code template} atomically; a copy another JVM kept meanwhile wins. */
    private static void keepAsTemplate(Path data, Path template) {
        Path staging = template.resolveSibling(
                template.getFileName() + ".copying-" + ProcessHandle.current().pid());
        LocalFiles.deleteRecursively(staging);
        LocalFiles.copyRecursively(data, staging);
        try {
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException keptMeanwhile) {
            LocalFiles.deleteRecursively(staging);
        }
    }

    private void launchAndAwait(KeycloakDistribution distribution) {
        Path data = settings.data();
        List<String> command = List.of(
                distribution.launcher().toString(),
                "start-dev",
                "--http-port=" + port(),
                "--hostname=http://localhost:" + port(),
                "--health-enabled=true",
                "--http-management-health-enabled=false",
                "--import-realm",
                "--db-url=jdbc:h2:file:" + data.resolve(DATABASE) + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
                "--log-console-color=false",
                "-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs"),
                // found by OwnedProcesses.endOrphans() if a killed JVM leaves this server running
                OwnedProcesses.ownerMark(settings.home()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(distribution.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log().toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA");
        env.remove("JAVA_OPTS");
        env.remove("JAVA_OPTS_APPEND");
        env.putAll(settings.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + distribution.launcher(), e);
        }
        Watchdog.watch(process.toHandle(), Watchdog.Signal.TERM);
        try {
            awaitRealm();
        } catch (RuntimeException e) {
            halt();
            throw e;
        }
        writeString(data.resolve(REALM_HASH_FILE), sha256(settings.realm()));
    }

    private void awaitRealm() {
        URI wellKnown = URI.create(issuerUri() + "/.well-known/openid-configuration");
        Duration timeout = settings.startupTimeout();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(LocalFiles.withLogTail(
                        "Keycloak exited with code " + process.exitValue() + " before the realm 'runonce' was ready.",
                        settings.log()));
            }
            if (answers(wellKnown)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(LocalFiles.withLogTail(
                        "Keycloak did not serve the realm 'runonce' at " + wellKnown + " within " + timeout.toSeconds()
                                + " s.",
                        settings.log()));
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
    }

    /** SIGTERM to the launcher script and the JVM it started, SIGKILL after {@link #STOP_GRACE}. */
    @Override
    protected void halt() {
        if (process != null) {
            OwnedProcesses.terminate(process.toHandle(), STOP_GRACE);
            process = null;
        }
    }

    @Override
    protected void cleanUp() {
        if (settings.throwaway()) {
            LocalFiles.deleteRecursively(settings.data());
        }
    }

    /**
     * Keycloak imports a realm only when it does not exist yet; when the realm file changed since the data was
     * created, the local demo data is reset so that the new roles, clients and users take effect.
     */
    private static void resetDataIfRealmChanged(Path data, byte[] realm) {
        Path hashFile = data.resolve(REALM_HASH_FILE);
        if (!Files.isRegularFile(hashFile)) {
            return;
        }
        String previous = readString(hashFile).strip();
        if (!previous.equals(sha256(realm))) {
            System.out.println("The realm file changed since " + data + " was created: resetting Keycloak's local data"
                    + " so that the realm is imported again.");
            LocalFiles.deleteRecursively(data);
        }
    }

    /** Copies the realm where {@code --import-realm} reads it, atomically and only when it changed. */
    private static void writeRealmForImport(KeycloakDistribution distribution, byte[] realm) {
        Path target = distribution.importDirectory().resolve(REALM_FILE_NAME);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), realm)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempFile(target.getParent(), REALM_FILE_NAME, ".tmp");
            Files.write(staging, realm);
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private boolean answers(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Keycloak on localhost:" + port() + " (data " + settings.data() + ")";
    }
}
