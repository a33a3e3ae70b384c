package org.runonce.localstack.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.LocalPlatform;
import org.runonce.localstack.process.Ports;

/**
 * The applications of the platform and how they are wired: module, database, fixed port, readiness path, and the
 * one place that knows which of each service's properties point at the infrastructure and at the other services.
 */
public final class Topology {

    /** Ports of {@code ./runonce start}. */
    public static final int POSTGRES_PORT = 15432;

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int SMTP_PORT = 3025;

    private Topology() {}

    /** An application of the platform: its module, database, fixed port and readiness path. */
    public enum App {
        CATALOG(LocalPlatform.CATALOG, "catalog", 8081),
        INTAKE(LocalPlatform.INTAKE, "intake", 8082),
        APPROVAL(LocalPlatform.APPROVAL, "approval", 8083),
        NOTIFICATION(LocalPlatform.NOTIFICATION, "notification", 8084),
        GATEWAY(LocalPlatform.GATEWAY, null, 8080);

        private final String module;
        private final String database;
        private final int port;

        App(String module, String database, int port) {
            this.module = module;
            this.database = database;
            this.port = port;
        }

        public String module() {
            return module;
        }

        /** Its database, or null for the gateway. */
        public String database() {
            return database;
        }

        /** The port of {@code ./runonce start}. */
        public int port() {
            return port;
        }

        String healthPath() {
            // the gateway has no readiness group of its own: its health is what clients see
            return this == GATEWAY ? "/actuator/health" : "/actuator/health/readiness";
        }

        Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
        }

        /** The application of a module name, or its short name ("catalog"). */
        public static App of(String name) {
            for (App app : values()) {
                if (app.module.equals(name) || app.module.equals(name + "-service")) {
                    return app;
                }
            }
            throw new IllegalArgumentException("No application '" + name + "'; one of "
                    + List.of(values()).stream().map(App::module).toList());
        }
    }

    /** Fails before anything starts when a fixed port of {@code ./runonce start} is in use. */
    public static void requireFixedPortsFree(List<App> apps) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KAFKA_PORT, "Kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "Kafka (KRaft controller)");
        ports.put(Keycloak.DEFAULT_PORT, "Keycloak");
        ports.put(SMTP_PORT, "SMTP (GreenMail)");
        apps.forEach(app -> ports.put(app.port, app.module));
        ports.forEach((port, component) -> Ports.requireFree(port, component));
    }

    /**
     * The Spring properties of {@code app} ({@code --key=value}): its port, the infrastructure, the other applications
     * where they listen ({@code ports}; their fixed port for those not started), then the settings' own.
     */
    static List<String> arguments(App app, Map<App, Integer> ports, Infrastructure servers, PlatformSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(ports.get(app)));
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                servers.keycloak().issuerUri());
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                servers.keycloak().jwkSetUri());
        properties.put("management.endpoint.health.probes.enabled", "true");
        // local development reads text lines (trace id, span id and request id in brackets); deployments log JSON
        properties.put("logging.structured.format.console", "");
        // a local platform encrypts personal data with the published demo keys of the services' application.yml
        properties.put("runonce.personal-data.allow-demo-keys", "true");
        if (app.database != null) {
            properties.put("spring.datasource.url", servers.postgres().jdbcUrl(app.database));
            properties.put("spring.datasource.username", servers.postgres().username());
            properties.put("spring.datasource.password", servers.postgres().password());
            properties.put("spring.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        }
        if (app == App.NOTIFICATION) {
            properties.put("spring.mail.host", servers.smtp().host());
            properties.put("spring.mail.port", Integer.toString(servers.smtp().port()));
            // department-system stand-ins run on this machine: local development allows loopback callbacks explicitly
            properties.put("runonce.notification.webhooks.allow-private-addresses", "true");
            // and their plain http listeners (everywhere else callbacks are https only)
            properties.put("runonce.notification.webhooks.allow-http", "true");
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
        properties.putAll(settings.properties());
        properties.putAll(settings.applicationProperties().getOrDefault(app.module, Map.of()));
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
