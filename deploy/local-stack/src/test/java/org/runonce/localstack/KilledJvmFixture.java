package org.runonce.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.runonce.localstack.kafka.EmbeddedKafka;
import org.runonce.localstack.platform.FakeApplicationJars;
import org.runonce.localstack.postgres.EmbeddedPostgresIT;
import org.runonce.localstack.process.LocalFiles;

/**
 * A test JVM that starts servers, reports them and waits to be killed; see {@link KilledJvmIT}. Without arguments it
 * starts the shared servers of {@link LocalInfrastructure}; with {@code platform <directory>} a whole
 * {@link LocalPlatform} (stand-in applications built in that directory), as {@code ./runonce bench} does.
 */
public final class KilledJvmFixture {

    static final String READY = "READY";

    private KilledJvmFixture() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("platform")) {
            platform(Path.of(args[1]));
        } else {
            sharedServers();
        }
        new CountDownLatch(1).await(); // until killed
    }

    private static void sharedServers() throws Exception {
        Postgres postgres = LocalInfrastructure.postgres();
        String url = postgres.jdbcUrl("fixture");
        EmbeddedPostgresIT.execute(url, "CREATE TABLE note (text varchar(100))");
        EmbeddedPostgresIT.execute(url, "INSERT INTO note VALUES ('written before the kill')");
        EmbeddedKafka kafka = (EmbeddedKafka) LocalInfrastructure.kafka();
        System.out.println(READY + " " + LocalInfrastructure.directory() + " " + kafka.pid());
        System.out.flush();
    }

    /** Prints {@code READY <pids> <ports>}: every process of the platform, and every port it listens on. */
    private static void platform(Path directory) {
        LocalPlatform platform = LocalPlatform.builder()
                .forTests()
                .repositoryRoot(FakeApplicationJars.repository(directory.resolve("repository")))
                .start();
        List<Long> pids = new ArrayList<>(
                ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
        // PostgreSQL runs detached (pg_ctl), so it is no descendant
        pids.add(LocalFiles.readPid(LocalInfrastructure.directory().resolve("postgres/postmaster.pid"))
                .orElseThrow());
        List<Integer> ports = new ArrayList<>();
        EmbeddedKafka kafka = (EmbeddedKafka) platform.kafka();
        ports.addAll(List.of(
                platform.postgres().port(),
                kafka.port(),
                kafka.controllerPort(),
                platform.keycloak().port(),
                platform.smtp().port()));
        LocalPlatform.APPLICATIONS.forEach(application -> ports.add(platform.servicePort(application)));
        System.out.println(READY + " " + join(pids) + " " + join(ports));
        System.out.flush();
    }

    private static String join(List<? extends Number> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
