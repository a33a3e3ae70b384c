package org.runonce.localstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.process.LocalFiles;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * Keycloak in a Testcontainers container (the official image of the same version as the distribution the embedded
 * mode runs), for tests on machines with a Docker engine. The host port is fixed before the start so that the issuer
 * in the tokens, {@code http://localhost:<port>/realms/runonce}, is the one the services are configured with.
 */
public final class ContainerKeycloak extends GenericContainer<ContainerKeycloak> {

    static final int CONTAINER_PORT = 8080;
    static final String IMPORT_FILE = "/opt/keycloak/data/import/runonce-realm.json";

    private ContainerKeycloak(String image, int hostPort) {
        super(image);
        addFixedExposedPort(hostPort, CONTAINER_PORT);
    }

    static String image(String version) {
        return "quay.io/keycloak/keycloak:" + version;
    }

    static List<String> command(int hostPort) {
        return List.of(
                "start-dev", "--import-realm", "--hostname=http://localhost:" + hostPort, "--health-enabled=true");
    }

    /** Starts the container with {@code realm} imported and waits until the realm answers; its log goes to a file. */
    public static ContainerKeycloak launch(int hostPort, byte[] realm, Path logFile, Duration startupTimeout) {
        LocalFiles.createDirectories(logFile.getParent());
        ContainerKeycloak container = new ContainerKeycloak(image(KeycloakDistribution.buildVersion()), hostPort)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", Keycloak.ADMIN_USERNAME)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", Keycloak.ADMIN_PASSWORD)
                .withCopyToContainer(Transferable.of(realm), IMPORT_FILE)
                .withCommand(command(hostPort).toArray(String[]::new))
                .withLogConsumer(frame -> append(logFile, frame))
                .waitingFor(Wait.forHttp("/realms/" + Keycloak.REALM + "/.well-known/openid-configuration")
                        .forPort(CONTAINER_PORT)
                        .withStartupTimeout(startupTimeout));
        container.start();
        return container;
    }

    private static void append(Path logFile, OutputFrame frame) {
        try {
            Files.writeString(
                    logFile,
                    frame.getUtf8String(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
