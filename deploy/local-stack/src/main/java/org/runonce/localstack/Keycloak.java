package org.runonce.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runonce.localstack.keycloak.ContainerKeycloak;
import org.runonce.localstack.keycloak.KeycloakServer;
import org.runonce.localstack.process.LocalFiles;
import org.runonce.localstack.process.Ports;

/**
 * A real Keycloak server, started from the official distribution with {@code kc.sh start-dev} in its own process,
 * with the {@code runonce} realm of {@code deploy/keycloak/runonce-realm.json} imported. Its H2 database lives in a
 * data directory of its own: persistent for {@code ./runonce start}, throwaway for tests. Tests on a machine with a
 * Docker engine ({@link LocalInfrastructure#mode()} {@code CONTAINERS}) get the official image of the same version
 * instead ({@link ContainerKeycloak}).
 */
public final class Keycloak implements AutoCloseable {

    /** The realm every RunOnce service trusts. */
    public static final String REALM = "runonce";

    /** The port of {@code ./runonce start}. */
    public static final int DEFAULT_PORT = 8180;

    /** Public client with the password grant, for the local token recipe and tests only. */
    public static final String CLI_CLIENT = "runonce-cli";

    /** Bootstrap administrator of the master realm (admin console); local demo credentials. */
    public static final String ADMIN_USERNAME = "admin";

    public static final String ADMIN_PASSWORD = "admin";

    static final String REALM_RESOURCE = "/org/runonce/localstack/keycloak/runonce-realm.json";

    private static final int MINIMUM_JAVA = 21;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final int port;
    private final Path dataDirectory;
    private final Path logFile;
    private final AutoCloseable server;
    private final Thread shutdownHook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean stopped;

    private Keycloak(int port, Path dataDirectory, Path logFile, AutoCloseable server, boolean hook) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.server = server;
        this.shutdownHook = hook ? new Thread(this::stop, "runonce-keycloak-stop") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Options for a start; defaults are those of {@code ./runonce start}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A Keycloak for a test: random free port, throwaway data under {@code ${runonce.home}/test/}. */
    public static Keycloak startForTests() {
        return builder().port(0).throwawayData().start();
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The issuer of the RunOnce realm: {@code http://localhost:<port>/realms/runonce}. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    public Path logFile() {
        return logFile;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** An access token for a user, by the password grant of {@value #CLI_CLIENT}. */
    public String passwordToken(String username, String password) {
        return token(
                Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password));
    }

    /** An access token for a confidential client by the client credentials grant. */
    public String clientCredentialsToken(String clientId, String clientSecret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    /** Stops the server (SIGTERM, then SIGKILL after 15 s; or its container) and deletes throwaway data. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + this, e);
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // called from the hook itself or during shutdown
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused a token for client " + form.get("client_id")
                    + Optional.ofNullable(form.get("username"))
                            .map(u -> " and user " + u)
                            .orElse("") + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + baseUrl() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak", e);
        }
    }

    /** Start options. */
    public static final class Builder {

        private int port = DEFAULT_PORT;
        private Path runonceHome;
        private Path dataDirectory;
        private Path logFile;
        private Path realmFile;
        private boolean throwaway;
        private Duration startupTimeout = Duration.ofMinutes(5);
        private boolean stopOnShutdown = true;

        private Builder() {}

        /** The HTTP port; 0 picks a free one. Default {@value Keycloak#DEFAULT_PORT}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The runtime directory; default {@code ${runonce.home}} or {@code ./.runonce}. */
        public Builder runonceHome(Path runonceHome) {
            this.runonceHome = runonceHome;
            return this;
        }

        /** Where the H2 database lives; default {@code <runonce home>/data/keycloak}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The server's log; default {@code <runonce home>/logs/keycloak.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** A realm file to import instead of the packaged {@code runonce-realm.json}. */
        public Builder realmFile(Path realmFile) {
            this.realmFile = realmFile;
            return this;
        }

        /**
         * Fresh data in {@link LocalInfrastructure#directory()} (under {@code ${runonce.home}/test/}), deleted by
         * {@link Keycloak#stop()}; for tests. The log goes to {@code <runonce home>/test/logs/}.
         */
        public Builder throwawayData() {
            this.throwaway = true;
            return this;
        }

        /** How long to wait for the realm to answer; default 5 minutes (the first start re-augments). */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the server (default true); turn it off only when the caller stops it in
         * its own hook.
         */
        public Builder stopOnShutdown(boolean stopOnShutdown) {
            this.stopOnShutdown = stopOnShutdown;
            return this;
        }

        /** Starts Keycloak and waits until the realm answers; fails with the log tail otherwise. */
        public Keycloak start() {
            requireJava();
            Path home = runonceHome != null ? runonceHome : RunonceHome.path();
            Path data;
            Path log;
            if (throwaway) {
                String id = "keycloak-" + LocalFiles.uniqueSuffix();
                // in the test JVM's directory, which is deleted at exit, and after a kill -9 by the next test JVM
                data = dataDirectory != null
                        ? dataDirectory
                        : LocalInfrastructure.directory().resolve(id);
                log = logFile != null
                        ? logFile
                        : LocalFiles.testLogDirectory(home).resolve(id + ".log");
            } else {
                data = dataDirectory != null ? dataDirectory : home.resolve("data/keycloak");
                log = logFile != null ? logFile : home.resolve("logs/keycloak.log");
            }
            if (throwaway && LocalInfrastructure.mode() == LocalInfrastructure.Mode.CONTAINERS) {
                return inContainer(data, log);
            }
            KeycloakServer server = new KeycloakServer(new KeycloakServer.Settings(
                    home,
                    port,
                    data.toAbsolutePath(),
                    log.toAbsolutePath(),
                    readRealm(),
                    throwaway,
                    startupTimeout,
                    Map.of(
                            "KC_BOOTSTRAP_ADMIN_USERNAME",
                            ADMIN_USERNAME,
                            "KC_BOOTSTRAP_ADMIN_PASSWORD",
                            ADMIN_PASSWORD)));
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return new Keycloak(server.port(), data, log, server, stopOnShutdown);
        }

        private Keycloak inContainer(Path data, Path log) {
            Ports.Reservation reservation = Ports.reserve(port, "Keycloak");
            ContainerKeycloak container;
            try {
                container =
                        ContainerKeycloak.launch(reservation.port(), readRealm(), log.toAbsolutePath(), startupTimeout);
            } catch (RuntimeException e) {
                reservation.close();
                throw e;
            }
            AutoCloseable server = () -> {
                try {
                    container.stop();
                } finally {
                    reservation.close();
                    LocalFiles.deleteRecursively(data);
                }
            };
            return new Keycloak(reservation.port(), data, log, server, stopOnShutdown);
        }

        private byte[] readRealm() {
            try {
                if (realmFile != null) {
                    return Files.readAllBytes(realmFile);
                }
                try (InputStream in = Keycloak.class.getResourceAsStream(REALM_RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("The realm " + REALM_RESOURCE + " is not on the classpath;"
                                + " build the local stack first (./runonce mvn -pl deploy/local-stack -am package"
                                + " -DskipTests).");
                    }
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the realm file", e);
            }
        }
    }

    private static void requireJava() {
        int feature = Runtime.version().feature();
        if (feature < MINIMUM_JAVA) {
            throw new IllegalStateException("Keycloak needs Java " + MINIMUM_JAVA + " or newer; this JVM ("
                    + System.getProperty("java.home") + ") is Java " + feature
                    + ". Run through ./runonce, which finds a JDK 21+, or set JAVA_HOME to one.");
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + baseUrl() + " (data " + dataDirectory + ")";
    }
}
