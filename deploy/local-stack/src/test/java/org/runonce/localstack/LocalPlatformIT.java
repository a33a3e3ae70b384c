package org.runonce.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runonce.localstack.keycloak.KeycloakDemoUsers;
import org.runonce.localstack.platform.FakeApplication;
import org.runonce.localstack.platform.FakeApplicationJars;
import org.runonce.localstack.platform.ServiceProcess;
import org.runonce.localstack.process.Ports;

/**
 * Boots the platform the way system tests do (free ports, throwaway data, real Keycloak, this JVM's shared
 * PostgreSQL, Kafka and SMTP), with stand-in applications that report the command line the launcher gave them.
 */
class LocalPlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path scratch;

    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.builder()
                .forTests()
                .repositoryRoot(FakeApplicationJars.repository(scratch.resolve("repository")))
                .property("runonce.example", "for-everyone")
                .property(LocalPlatform.INTAKE, "runonce.example", "for-intake")
                .start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void everyApplicationIsReadyOnItsOwnPort() {
        for (String application : LocalPlatform.APPLICATIONS) {
            assertThat(platform.isServiceRunning(application)).as(application).isTrue();
            assertThat(get(platform.serviceUrl(application) + "/actuator/health")
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(LocalPlatform.APPLICATIONS.stream()
                        .map(platform::servicePort)
                        .distinct())
                .hasSize(5);
        assertThat(platform.gatewayUrl()).isEqualTo(platform.serviceUrl(LocalPlatform.GATEWAY));
        assertThat(platform.swaggerUiUrl()).isEqualTo(platform.gatewayUrl() + "/swagger-ui.html");
    }

    @Test
    void servicesGetTheirDatabaseKafkaAndKeycloak() {
        List<String> intake = arguments(LocalPlatform.INTAKE);

        assertThat(intake)
                .contains(
                        "--server.port=" + platform.servicePort(LocalPlatform.INTAKE),
                        "--spring.datasource.url=" + platform.jdbcUrl("intake"),
                        "--spring.datasource.username=runonce",
                        "--spring.datasource.password=runonce",
                        "--spring.kafka.bootstrap-servers=" + platform.kafka().bootstrapServers(),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + platform.issuerUri(),
                        "--runonce.personal-data.allow-demo-keys=true",
                        "--runonce.example=for-intake")
                .doesNotContain("--runonce.example=for-everyone");
        assertThat(arguments(LocalPlatform.CATALOG))
                .contains("--spring.datasource.url=" + platform.jdbcUrl("catalog"), "--runonce.example=for-everyone");
        assertThat(arguments(LocalPlatform.NOTIFICATION))
                .contains(
                        "--spring.mail.host=" + platform.smtp().host(),
                        "--spring.mail.port=" + platform.smtp().port());
    }

    @Test
    void theGatewayRoutesToEachServicesPort() {
        List<String> gateway = arguments(LocalPlatform.GATEWAY);

        assertThat(gateway)
                .contains(
                        "--runonce.gateway.services.catalog=" + platform.serviceUrl(LocalPlatform.CATALOG),
                        "--runonce.gateway.services.intake=" + platform.serviceUrl(LocalPlatform.INTAKE),
                        "--runonce.gateway.services.approval=" + platform.serviceUrl(LocalPlatform.APPROVAL),
                        "--runonce.gateway.services.notification=" + platform.serviceUrl(LocalPlatform.NOTIFICATION),
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + platform.issuerUri())
                .noneMatch(argument -> argument.startsWith("--spring.datasource"));
    }

    @Test
    void keycloakOfThePlatformIssuesTokens() {
        assertThat(platform.keycloak().passwordToken("clerk.wang", KeycloakDemoUsers.PASSWORD))
                .isNotBlank();
        assertThat(platform.issuerUri()).startsWith("http://localhost:").endsWith("/realms/runonce");
    }

    @Test
    void aStoppedServiceCanBeStartedAgainOnTheSamePort() {
        String url = platform.serviceUrl(LocalPlatform.APPROVAL);

        platform.stopService(LocalPlatform.APPROVAL);

        assertThat(platform.isServiceRunning(LocalPlatform.APPROVAL)).isFalse();
        assertThatThrownBy(() -> HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
        assertThat(platform.isServiceRunning(LocalPlatform.INTAKE)).isTrue();

        platform.startService("approval"); // short names work too

        assertThat(platform.serviceUrl(LocalPlatform.APPROVAL)).isEqualTo(url);
        assertThat(get(url + "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void eachApplicationLogsToItsOwnFile() throws IOException {
        Path log = platform.serviceLog(LocalPlatform.CATALOG);

        assertThat(log.getFileName()).hasToString("catalog-service.log");
        assertThat(Files.readString(log)).contains("fake application listening on");
    }

    @Test
    void summaryListsUrlsUsersAndTheTokenRecipe() {
        String summary = platform.summary();

        assertThat(summary)
                .contains(
                        platform.gatewayUrl(),
                        platform.swaggerUiUrl(),
                        platform.keycloak().baseUrl() + "/admin/")
                .contains("zhang.san", "head.samr", "samr-system / samr-system-secret")
                .contains("client_id=runonce-cli", platform.keycloak().tokenUrl())
                .contains(platform.gatewayUrl() + "/api/intake/whoami");
    }

    @Test
    void missingJarsAreReportedBeforeAnythingStarts(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("mvnw"), "");
        Files.writeString(empty.resolve("pom.xml"), "<project/>");

        assertThatThrownBy(() -> LocalPlatform.builder()
                        .forTests()
                        .repositoryRoot(empty)
                        .out(null)
                        .start())
                .hasMessageContaining("Missing catalog-service/target/catalog-service.jar")
                .hasMessageContaining("Build first");
    }

    @Test
    void anApplicationThatFailsToStartIsReportedWithItsLog(@TempDir Path dir) {
        ServiceProcess failing = new ServiceProcess(
                "intake-service",
                Ports.free(),
                "/actuator/health/readiness",
                command("--server.port=" + Ports.free(), "--fail=yes"),
                dir.resolve("intake-service.log"));
        failing.start();

        assertThatThrownBy(() -> failing.awaitReady(Duration.ofMinutes(1)))
                .hasMessageContaining("intake-service failed to start (exit code 3)")
                .hasMessageContaining("failing on purpose")
                .hasMessageContaining(dir.resolve("intake-service.log").toString());
    }

    @Test
    void aBusyPortIsNamedWithTheApplication(@TempDir Path dir) throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            ServiceProcess service = new ServiceProcess(
                    "gateway",
                    busy.getLocalPort(),
                    "/actuator/health",
                    command("--server.port=" + busy.getLocalPort()),
                    dir.resolve("gateway.log"));

            assertThatThrownBy(service::start)
                    .hasMessageContaining("gateway cannot start: port " + busy.getLocalPort() + " is already in use");
        }
    }

    private static List<String> command(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FakeApplication.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static List<String> arguments(String application) {
        return get(platform.serviceUrl(application) + "/args").body().lines().toList();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
