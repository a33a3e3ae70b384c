package org.runonce.localstack.platform;

import java.util.List;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.Postgres;
import org.runonce.localstack.keycloak.KeycloakDemoUsers;

/** The banner {@code ./runonce start} prints once everything is up. */
public final class StartupSummary {

    private StartupSummary() {}

    /** URLs, demo users and a token recipe, as printed by {@code ./runonce start}. */
    public static String text(
            PlatformSettings settings, Infrastructure servers, List<ServiceProcess> services, long startedAt) {
        Keycloak keycloak = servers.keycloak();
        Postgres postgres = servers.postgres();
        StringBuilder s = new StringBuilder();
        String nl = System.lineSeparator();
        s.append(nl)
                .append("RunOnce is running (started in ")
                .append(Tasks.seconds(System.nanoTime() - startedAt))
                .append(").")
                .append(nl)
                .append(nl);
        String gateway = services.stream()
                .filter(service -> service.name().equals(Topology.App.GATEWAY.module()))
                .map(ServiceProcess::url)
                .findFirst()
                .orElse("http://localhost:" + Topology.App.GATEWAY.port());
        if (!services.isEmpty()) {
            s.append(row("Gateway (the entry point)", gateway)).append(nl);
            s.append(row("Swagger UI", gateway + "/swagger-ui.html")).append(nl);
        }
        s.append(row("Keycloak admin console", keycloak.baseUrl() + "/admin/  (admin / admin, local only)"))
                .append(nl);
        s.append(row("Realm issuer", keycloak.issuerUri())).append(nl);
        for (ServiceProcess service : services) {
            if (!service.name().equals(Topology.App.GATEWAY.module())) {
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
        s.append(row("Kafka", servers.kafka().bootstrapServers())).append(nl);
        s.append(row(
                        "SMTP (GreenMail)",
                        servers.smtp().host() + ":" + servers.smtp().port()))
                .append(nl);
        s.append(row("Logs", settings.logDirectory().toString())).append(nl);
        if (!settings.forTests()) {
            s.append(row("Data", settings.home().resolve("data") + "  (delete it to start afresh)"))
                    .append(nl);
        }
        s.append(nl)
                .append("Demo users (password \"")
                .append(KeycloakDemoUsers.PASSWORD)
                .append("\" for all; local demo credentials only):")
                .append(nl);
        for (KeycloakDemoUsers.User user : KeycloakDemoUsers.USERS) {
            s.append("  ")
                    .append(Tasks.pad(user.username(), 17))
                    .append(Tasks.pad(String.join(", ", user.roles()), 28))
                    .append(Tasks.pad(user.department() == null ? "" : user.department(), 6))
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
        s.append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(gateway)
                .append("/api/intake/whoami")
                .append(nl);
        s.append(nl).append("Press Ctrl-C to stop everything.").append(nl);
        return s.toString();
    }

    private static String row(String label, String value) {
        return "  " + Tasks.pad(label, 28) + value;
    }
}
